// Builds better-sqlite3 for Electron's ABI into out/native/, leaving node_modules with Node's build
// so `npm test` and web mode never load the wrong one. Run only when launching or packaging the desktop.
import { cpSync, existsSync, mkdirSync, rmSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join, resolve } from 'node:path';
import { electronVersion } from './electron-binary.mjs';

const require = createRequire(import.meta.url);

export async function ensureElectronSqlite() {
  const version = electronVersion();
  const stage = resolve('out', 'native', `electron-${version}`);
  const binding = join(stage, 'node_modules', 'better-sqlite3', 'build', 'Release', 'better_sqlite3.node');
  if (existsSync(binding)) return binding;
  rmSync(stage, { recursive: true, force: true });
  mkdirSync(join(stage, 'node_modules'), { recursive: true });
  writeFileSync(join(stage, 'package.json'), JSON.stringify({ name: 'zhiban-native-stage', private: true, dependencies: { 'better-sqlite3': '*' } }));
  for (const mod of ['better-sqlite3', 'bindings', 'file-uri-to-path']) {
    const from = dirname(require.resolve(`${mod}/package.json`));
    cpSync(from, join(stage, 'node_modules', mod), { recursive: true, filter: (p) => !p.includes(`${mod}/build`) });
  }
  console.log(`building better-sqlite3 for Electron ${version} (one time)…`);
  const { rebuild } = await import('@electron/rebuild');
  await rebuild({ buildPath: stage, electronVersion: version, onlyModules: ['better-sqlite3'], force: true });
  if (!existsSync(binding)) throw new Error(`Electron build of better-sqlite3 did not produce ${binding}`);
  return binding;
}

if (import.meta.url === `file://${process.argv[1]}`) {
  console.log(await ensureElectronSqlite());
}
