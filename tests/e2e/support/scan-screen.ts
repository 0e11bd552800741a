import { expect, type Page } from '@playwright/test';

/**
 * What must never be on a screen a person reads (issue #9), checked on every screen a role walk visits:
 *  - a raw rule ID (`swap.monthly-limit`) outside an element marked as its citation (`[data-citation]`,
 *    the small "ID (source)" beside the rule in words);
 *  - a `{placeholder}` a message did not fill;
 *  - zod's (the validator's) own wording, in any of its languages;
 *  - the literals `undefined`, `null`, `NaN`.
 * Visible text only (rendered, not hidden), plus what inputs show (placeholders, values).
 */
export interface ScreenProblem {
  kind: 'rule-id' | 'placeholder' | 'validator' | 'literal';
  text: string;
  where: string;
}

export async function scanScreen(page: Page, label: string): Promise<void> {
  // Let the screen settle: no load spinners, no skeletons.
  await expect(page.locator('.ant-spin-spinning, .ant-skeleton-active, .ant-table-placeholder .ant-spin')).toHaveCount(0);
  const problems = await page.evaluate(() => {
    const RULE_ID = /\b(?:swap|leave|roster|sync|calls|policy|org|calendar|discipline|qa)\.[a-z]+(?:-[a-z]+)+\b|\b(?:swap|leave|roster|sync)\.(?:allowed|holiday|advance|chain|authority|discipline|staffing|in-person)\b/;
    const PLACEHOLDER = /\{[A-Za-z_]\w*\}/;
    const VALIDATOR =
      /Invalid (?:input|option|string|ISO|key|element|value|type|date|email|url|uuid)|\bexpected (?:string|number|boolean|array|object|one of|a |an )|\breceived (?:undefined|null|string|number|boolean|NaN)|Too (?:small|big):|Unrecognized keys?|无效输入|无效选项|实际接收|数值过小|数值过大|無效的輸入|無效的選項|但收到|數值過小|數值過大/;
    const LITERAL = /(?:^|[^\w.-])(undefined|null|NaN)(?![\w-])/;
    const out: { kind: 'rule-id' | 'placeholder' | 'validator' | 'literal'; text: string; where: string }[] = [];
    const where = (el: Element) => {
      const parts: string[] = [];
      for (let e: Element | null = el; e && parts.length < 4; e = e.parentElement) {
        const id = e.getAttribute('data-testid');
        parts.unshift(id ? `${e.tagName.toLowerCase()}[data-testid=${id}]` : e.tagName.toLowerCase() + (e.classList[0] ? `.${e.classList[0]}` : ''));
      }
      return parts.join(' > ');
    };
    const check = (text: string, el: Element) => {
      const t = text.replace(/\s+/g, ' ').trim();
      if (!t) return;
      if (RULE_ID.test(t) && !el.closest('[data-citation]')) out.push({ kind: 'rule-id', text: t, where: where(el) });
      if (PLACEHOLDER.test(t)) out.push({ kind: 'placeholder', text: t, where: where(el) });
      if (VALIDATOR.test(t)) out.push({ kind: 'validator', text: t, where: where(el) });
      if (LITERAL.test(t)) out.push({ kind: 'literal', text: t, where: where(el) });
    };
    const visible = (el: Element) => el.checkVisibility({ checkOpacity: true, checkVisibilityCSS: true });
    const walker = document.createTreeWalker(document.body, NodeFilter.SHOW_TEXT);
    for (let n = walker.nextNode(); n; n = walker.nextNode()) {
      const el = n.parentElement;
      if (!el || el.closest('script, style, noscript, template') || !visible(el)) continue;
      check(n.textContent ?? '', el);
    }
    for (const el of document.querySelectorAll('input, textarea')) {
      if (!visible(el)) continue;
      const input = el as HTMLInputElement;
      if (input.type === 'password' || input.type === 'file') continue;
      check(input.placeholder ?? '', el);
      check(input.value ?? '', el);
    }
    return out;
  });
  expect(problems, `${label}: text nobody should read`).toEqual([]);
}
