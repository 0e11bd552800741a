import { existsSync } from 'node:fs';
import { CHROMIUM } from '../../../playwright.config';
import { buildRenderer, bundleElectron } from '../../../build/renderer-build.mjs';
import { bundleNode } from '../../../build/bundle-node.mjs';

/**
 * Builds what the browser, Electron and the spawned servers and desks load (compiled JavaScript, and the
 * prepared cluster every new center starts from), once per run; checks the browser is really there.
 */
export default async function globalSetup(): Promise<void> {
  if (!existsSync(CHROMIUM))
    throw new Error(`No Chromium at ${CHROMIUM}. Install Debian's chromium (apt-get install chromium) or set CHROMIUM_PATH.`);
  await buildRenderer();
  await bundleElectron();
  await bundleNode();
}
