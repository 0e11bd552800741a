import { scanScreen } from './support/scan-screen';
import { expect, test } from './support/test';

/** The scanner every role walk runs must catch what it is for, and leave alone what is fine. */
test('the screen scanner catches raw rule IDs, unfilled placeholders, validator wording and undefined/null/NaN', async ({ page }) => {
  const bad = [
    '<h4>swap.monthly-limit</h4>',
    '<div>已换班 {used} / {max} 次</div>',
    '<div>Invalid input: expected string, received undefined</div>',
    '<div>无效输入：期望 string，实际接收 undefined</div>',
    '<div>Too small: expected string to have &gt;=1 characters</div>',
    '<span>王芳 undefined</span>',
    '<span>null</span>',
    '<span>时长 NaN:NaN</span>',
    '<input placeholder="搜索 {q}">',
  ];
  for (const html of bad) {
    await page.setContent(`<body>${html}</body>`);
    await expect(scanScreen(page, html), html).rejects.toThrow(/text nobody should read/);
  }
  const fine = [
    '<div>每人每月最多换班 2 次 <small data-citation="swap.monthly-limit">换班制度 三 · swap.monthly-limit</small></div>',
    '<div>Required</div>',
    '<div>共 3 通 · 需回访</div>',
    '<div hidden>swap.monthly-limit</div>',
    '<div>agent01 · 138 0013 8000 · Asia/Shanghai · 2026-03-17</div>',
  ];
  for (const html of fine) {
    await page.setContent(`<body>${html}</body>`);
    await scanScreen(page, html);
  }
});
