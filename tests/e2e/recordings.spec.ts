import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Page } from '@playwright/test';
import type { Locale } from '../../renderer/i18n/catalogues';
import { toneWav } from '../../shared/recordings/audio';
import { recordingRuleTexts } from '../../shared/recordings/rule-texts';
import { openDesk, tr } from './support/desk-ui';
import { signIn } from './support/sign-in';
import { startDeskProcess, type DeskProcess } from './support/desk-process';
import { expect, test } from './support/test';

/**
 * #13 item 2: an agent attaches a recording (a WAV tone made here) to one of their calls in the call detail,
 * sees it stored, and plays it: the waveform is drawn from the decoded audio and the audio element moves.
 * A renamed non-audio file is refused with a clear line. Screenshots of the detail in zh-CN and en.
 */
let dataDir: string;
let desk: DeskProcess;
const SHOTS = process.env.ZHIBAN_SHOTS;

test.beforeEach(async () => {
  dataDir = mkdtempSync(join(tmpdir(), 'zhiban-e2e-rec-'));
  desk = await startDeskProcess(dataDir);
});
test.afterEach(async () => {
  await desk.stop();
  rmSync(dataDir, { recursive: true, force: true });
});

async function openCall(page: Page, locale: Locale, summary: string) {
  const t = tr(locale);
  await openDesk(page, desk.url, locale);
  await signIn(page, 'agent01', { locale });
  await page.getByTestId('tab-history').click();
  await page.getByTestId('history-table').locator('tr', { hasText: summary }).click();
  await expect(page.getByTestId('call-recordings')).toContainText(t('rec.title'));
}

for (const locale of ['zh-CN', 'en'] as const)
  test(`an agent attaches a WAV in the call detail, sees it stored and plays it (${locale})`, async ({ page }, testInfo) => {
    const t = tr(locale);
    const shot = (name: string) => page.screenshot({ path: SHOTS ? join(SHOTS, `${name}.png`) : testInfo.outputPath(`${name}.png`) });
    await openCall(page, locale, '查询本月话费账单明细');
    const drop = page.getByTestId('recording-drop');
    await expect(drop).toContainText(t('rec.drop'));

    // Not audio (a text file named .wav): refused by its content, nothing attached.
    await drop.locator('input[type=file]').setInputFiles({ name: 'fake.wav', mimeType: 'audio/wav', buffer: Buffer.from('this is not a recording at all') });
    await expect(page.getByTestId('recording-refused')).toContainText(recordingRuleTexts['recording.audio-only'].lines['fail.type'][locale]);
    await expect(page.getByTestId('recording-player')).toHaveCount(0);

    await drop.locator('input[type=file]').setInputFiles({ name: 'call-0317.wav', mimeType: 'audio/wav', buffer: Buffer.from(toneWav({ seconds: 4, sampleRate: 8000 })) });
    await expect(page.getByTestId('recording-state')).toHaveAttribute('data-state', 'stored');
    await expect(page.getByTestId('recording-state')).toHaveText(t('rec.state.stored'));
    await expect(page.getByTestId('recording-waveform').locator('rect.rec-bar')).toHaveCount(160);
    await expect(page.getByTestId('recording-clock')).toContainText('0:04');

    await page.getByTestId('recording-toggle').click();
    await expect.poll(() => page.getByTestId('recording-audio').evaluate((a: HTMLAudioElement) => a.currentTime), { timeout: 10_000 }).toBeGreaterThan(0.3);
    await page.getByTestId('recording-toggle').click();
    await expect.poll(() => page.getByTestId('recording-audio').evaluate((a: HTMLAudioElement) => a.paused)).toBe(true);
    // Keyboard: Right moves 5 s on (to the end of a 4 s tone), Left back to the start.
    await page.getByTestId('recording-player').focus();
    await page.keyboard.press('ArrowLeft');
    await expect.poll(() => page.getByTestId('recording-audio').evaluate((a: HTMLAudioElement) => a.currentTime)).toBe(0);
    // A click on the waveform's middle seeks to about 2 s.
    const box = (await page.getByTestId('recording-waveform').boundingBox())!;
    await page.mouse.click(box.x + box.width / 2, box.y + box.height / 2);
    await expect.poll(() => page.getByTestId('recording-audio').evaluate((a: HTMLAudioElement) => Math.round(a.currentTime))).toBe(2);
    await expect(page.getByTestId('recording-clock')).toHaveText(/0:0[12] \/ 0:04/);
    await shot(`recordings-detail-${locale}`);
  });

test('a QA inspector plays a demo recording but is offered no attach', async ({ page }, testInfo) => {
  const t = tr('zh-CN');
  await openDesk(page, desk.url);
  await signIn(page, 'qa01');
  await page.getByTestId('tab-history').click();
  await page.getByTestId('history-table').locator('tr', { hasText: '咨询套餐变更的生效时间' }).click();
  await expect(page.getByTestId('recording-state')).toHaveText(t('rec.state.stored'));
  await expect(page.getByTestId('recording-waveform').locator('rect.rec-bar')).toHaveCount(160);
  await expect(page.getByTestId('recording-drop')).toHaveCount(0);
  await expect(page.getByTestId('recording-replace')).toHaveCount(0);
  await page.getByTestId('recording-player').focus();
  await page.keyboard.press('ArrowRight');
  await expect.poll(() => page.getByTestId('recording-audio').evaluate((a: HTMLAudioElement) => a.currentTime)).toBe(4);
  await page.screenshot({ path: testInfo.outputPath('recordings-qa.png') });
});
