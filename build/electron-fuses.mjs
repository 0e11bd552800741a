// electron-builder afterPack hook (build/electron-builder.yml): flips Electron's fuses in the packaged
// binary. afterPack runs after the app.asar and its integrity hash exist and before signing, which is when
// fuses must be flipped (flipping changes the executable, so it has to come before the signature).
// The configuration is one exported object so tests/unit/electron-fuses.test.ts can check it without a binary.
import { createRequire } from 'node:module';
import { FuseV1Options, FuseVersion } from '@electron/fuses';

const require = createRequire(import.meta.url);

/** Every fuse @electron/fuses knows, set explicitly. Fuses newer than it keep Electron's defaults. */
export const FUSES = Object.freeze({
  version: FuseVersion.V1,
  // ELECTRON_RUN_AS_NODE would turn the signed desk into a plain Node that runs any script; we never fork.
  [FuseV1Options.RunAsNode]: false,
  // Cookies on disk encrypted with the OS key store. One-way: turning it off later makes the cookie store unreadable.
  [FuseV1Options.EnableCookieEncryption]: true,
  // NODE_OPTIONS / NODE_EXTRA_CA_CERTS from the environment must not reach the main process.
  [FuseV1Options.EnableNodeOptionsEnvironmentVariable]: false,
  // No --inspect / --inspect-brk / SIGUSR1 debugger on an installed desk (it would expose the desk's database).
  [FuseV1Options.EnableNodeCliInspectArguments]: false,
  // app.asar checked against the hash electron-builder embeds (macOS and Windows; Linux has no such check).
  [FuseV1Options.EnableEmbeddedAsarIntegrityValidation]: true,
  // Load the app only from app.asar (so only from the archive whose integrity is checked), never from app/.
  [FuseV1Options.OnlyLoadAppFromAsar]: true,
  // We ship no custom V8 snapshot.
  [FuseV1Options.LoadBrowserProcessSpecificV8Snapshot]: false,
  // Kept ON: the renderer is loaded with loadFile from inside the asar, and Vite emits
  // <script type="module" crossorigin>; module scripts are fetched in CORS mode, which plain file:// pages
  // (opaque origin) are refused, as in a browser. Turning this off needs the renderer served from a
  // privileged custom protocol (protocol.handle) instead of file://.
  [FuseV1Options.GrantFileProtocolExtraPrivileges]: true,
});

/** @param {import('electron-builder').AfterPackContext} context */
export default async function afterPack(context) {
  const { Arch } = require('electron-builder');
  // Flipping fuses breaks the ad-hoc signature Apple Silicon requires; re-sign ad hoc (a real identity signs later).
  const resetAdHocDarwinSignature = context.electronPlatformName === 'darwin' && context.arch === Arch.arm64;
  await context.packager.addElectronFuses(context, { ...FUSES, resetAdHocDarwinSignature });
}
