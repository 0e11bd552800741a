/**
 * docs/RULES.md, generated from the rule registry: every rule ID with its statement (zh-CN and en), its
 * citation, the policy parameters that feed it, where the code decides it and which tests name it.
 * `npm run docs:rules` rewrites the file; tests/unit/rules-doc.test.ts fails when it is stale.
 */
import { readdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import { fileURLToPath } from 'node:url';
import { RULES, RULE_IDS } from '../shared/rules/registry';
import { citationOf, statementOf } from '../shared/rules/describe';
import { POLICY_DEFAULTS } from '../shared/policy/defaults';
import { POLICY_PARAMS } from '../shared/policy/params';

const ROOT = join(fileURLToPath(import.meta.url), '..', '..');

function files(dir: string, keep: (f: string) => boolean): string[] {
  return readdirSync(join(ROOT, dir)).flatMap((n) => {
    const rel = `${dir}/${n}`;
    return statSync(join(ROOT, rel)).isDirectory() ? files(rel, keep) : keep(rel) ? [rel] : [];
  });
}

export function renderRulesDoc(): string {
  const code = files('shared', (f) => f.endsWith('.ts') && !f.endsWith('rule-texts.ts') && !f.startsWith('shared/rules/') && f !== 'shared/policy/params.ts');
  const tests = files('tests', (f) => /\.(test|spec)\.ts$/.test(f));
  const read = new Map([...code, ...tests].map((f) => [f, readFileSync(join(ROOT, f), 'utf8')]));
  const mentioning = (list: string[], id: string) => list.filter((f) => read.get(f)!.includes(`'${id}'`) || read.get(f)!.includes(`"${id}"`)).map((f) => relative('.', f));
  const lines = [
    '# Rules',
    '',
    'Generated from `shared/rules/registry.ts` by `npm run docs:rules` (a test fails when this file is stale).',
    'Each rule: its words with the policy defaults filled in, where the original says it, the policy',
    'parameters that feed it, the code that decides it, and the tests that name it.',
    '',
  ];
  for (const id of RULE_IDS) {
    const r = RULES[id];
    const params = Object.entries(POLICY_PARAMS)
      .filter(([, p]) => (p.ruleIds as readonly string[]).includes(id))
      .map(([k]) => `\`${k}\``);
    const decided = r.enforced === 'checked' ? mentioning(code, id) : [];
    lines.push(`## \`${id}\``, '');
    lines.push(`- **zh-CN**: ${statementOf({ locale: 'zh-CN', policy: POLICY_DEFAULTS }, id)}`);
    lines.push(`- **en**: ${statementOf({ locale: 'en', policy: POLICY_DEFAULTS }, id)}`);
    lines.push(`- **Source**: ${citationOf('zh-CN', id)} / ${citationOf('en', id)}`);
    lines.push(`- **Policy parameters**: ${params.length ? params.join(', ') : '—'}`);
    lines.push(`- **Decided in**: ${r.enforced === 'checked' ? decided.map((f) => `\`${f}\``).join(', ') || '—' : 'shown to people, not yet decided by the desk'}`);
    lines.push(`- **Tests**: ${mentioning(tests, id).map((f) => `\`${f}\``).join(', ') || '—'}`);
    lines.push('');
  }
  return lines.join('\n');
}

if (process.argv[1] && fileURLToPath(import.meta.url) === process.argv[1]) {
  writeFileSync(join(ROOT, 'docs', 'RULES.md'), renderRulesDoc());
  console.log(`docs/RULES.md: ${RULE_IDS.length} rules`);
}
