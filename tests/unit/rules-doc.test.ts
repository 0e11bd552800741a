import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { renderRulesDoc } from '../../build/rules-doc';
import { RULE_IDS } from '../../shared/rules/registry';

describe('docs/RULES.md', () => {
  it('is what the registry says today (run `npm run docs:rules` after changing a rule)', () => {
    const rendered = renderRulesDoc();
    expect(RULE_IDS.every((id) => rendered.includes(`## \`${id}\``))).toBe(true);
    expect(readFileSync(join(__dirname, '..', '..', 'docs', 'RULES.md'), 'utf8')).toBe(rendered);
  });
});
