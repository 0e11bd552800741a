import { flipFuses, FuseV1Options, FuseVersion, type FuseV1Config } from '@electron/fuses';
import { SENTINEL } from '@electron/fuses/dist/constants';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { afterAll, describe, expect, it, vi } from 'vitest';

const require = createRequire(import.meta.url);

// build/electron-fuses.mjs is plain JS with no .d.mts; the shape is asserted here.
interface FusesModule {
  FUSES: FuseV1Config;
  default: (context: unknown) => Promise<void>;
}
const HOOK = resolve('build/electron-fuses.mjs');
const hookModule = () => import(/* @vite-ignore */ HOOK) as Promise<FusesModule>;

const tmp = mkdtempSync(join(tmpdir(), 'zhiban-fuses-'));
afterAll(() => rmSync(tmp, { recursive: true, force: true }));

describe('Electron fuses flipped at packaging time', () => {
  it('sets every fuse @electron/fuses knows, to the hardened value', async () => {
    const { FUSES } = await hookModule();
    expect(FUSES.version).toBe(FuseVersion.V1);
    expect(FUSES).toEqual({
      version: FuseVersion.V1,
      [FuseV1Options.RunAsNode]: false,
      [FuseV1Options.EnableCookieEncryption]: true,
      [FuseV1Options.EnableNodeOptionsEnvironmentVariable]: false,
      [FuseV1Options.EnableNodeCliInspectArguments]: false,
      [FuseV1Options.EnableEmbeddedAsarIntegrityValidation]: true,
      [FuseV1Options.OnlyLoadAppFromAsar]: true,
      [FuseV1Options.LoadBrowserProcessSpecificV8Snapshot]: false,
      // On because the renderer is a file:// page loading a module script (see the hook's comment).
      [FuseV1Options.GrantFileProtocolExtraPrivileges]: true,
    });
    // A fuse added to @electron/fuses shows up here until it is decided on.
    const known = Object.values(FuseV1Options).filter((v): v is number => typeof v === 'number');
    expect(Object.keys(FUSES).filter((k) => k !== 'version').map(Number).sort()).toEqual(known.sort());
    expect(Object.isFrozen(FUSES)).toBe(true);
  });

  it('the config flips a fuse wire as intended and leaves fuses newer than the library alone', async () => {
    const { FUSES } = await hookModule();
    // A stand-in binary: Electron's fuse wire is the sentinel, version 1, its length, then one byte per fuse.
    // Electron's defaults for the 8 known fuses, plus a 9th the library does not know (as newer Electrons have).
    const defaults = '10110001' + '1';
    const fake = join(tmp, 'electron');
    writeFileSync(fake, Buffer.concat([Buffer.from('\0ELF…'), Buffer.from(SENTINEL), Buffer.from([1, defaults.length]), Buffer.from(defaults), Buffer.from('…')]));
    await flipFuses(fake, FUSES);
    const bin = readFileSync(fake);
    const at = bin.indexOf(SENTINEL) + SENTINEL.length + 2;
    expect(bin.subarray(at, at + defaults.length).toString()).toBe('01001101' + '1');
  });

  it('the afterPack hook hands the config to electron-builder, re-signing ad hoc only on Apple Silicon', async () => {
    const { FUSES, default: afterPack } = await hookModule();
    const { Arch } = require('electron-builder') as typeof import('electron-builder');
    const run = async (electronPlatformName: string, arch: number) => {
      const addElectronFuses = vi.fn(async () => 1);
      const context = { electronPlatformName, arch, appOutDir: tmp, packager: { addElectronFuses } };
      await afterPack(context);
      expect(addElectronFuses).toHaveBeenCalledTimes(1);
      const [ctx, config] = addElectronFuses.mock.calls[0] as unknown as [unknown, FuseV1Config];
      expect(ctx).toBe(context);
      return config;
    };
    expect(await run('linux', Arch.x64)).toEqual({ ...FUSES, resetAdHocDarwinSignature: false });
    expect(await run('win32', Arch.x64)).toEqual({ ...FUSES, resetAdHocDarwinSignature: false });
    expect(await run('darwin', Arch.arm64)).toEqual({ ...FUSES, resetAdHocDarwinSignature: true });
    expect(await run('darwin', Arch.x64)).toEqual({ ...FUSES, resetAdHocDarwinSignature: false });
  });

  it('electron-builder.yml packs into an asar, runs the hook, and keeps the native sqlite outside the asar', () => {
    // Read as text: a YAML parser or electron-builder's schema check would mean importing its internals here.
    const yml = readFileSync('build/electron-builder.yml', 'utf8');
    expect(yml).toMatch(/^asar: true$/m);
    const hook = /^afterPack: (\S+)$/m.exec(yml)?.[1];
    expect(hook && resolve(hook)).toBe(HOOK);
    // The Electron build of better-sqlite3 goes to resources/native/ as an extra resource, i.e. beside app.asar.
    expect(yml).toMatch(/^extraResources:\n {2}- from: \S+\/better_sqlite3\.node\n {4}to: native\/better_sqlite3\.node$/m);
  });
});
