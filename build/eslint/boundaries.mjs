// The dependency direction of docs/ARCHITECTURE.md as an ALLOW-list, checked by one local ESLint rule
// (`layers/allow-list`). Every linted file belongs to a folder (a "layer"); each layer lists the project
// folders and the npm package CLASSES it may import. Anything not listed is refused, so a new folder, a
// new dependency or a new import path has to be placed here deliberately. See docs/DECISIONS.md for why
// this is a local rule and not eslint-plugin-boundaries / dependency-cruiser.
//
// What is checked: `import` (also `import type`), `export … from`, `import x = require()`, `import('x')`,
// `require('x')` and type-level `import('x').T`. A dynamic import or require whose source is not a string
// literal is refused in product code, since the rule could not see what it loads.
//
// Type-only imports obey the same allow-list: a type from another layer is still a dependency (shared/
// typed against db/schema would follow the SQL schema, and tsconfig.shared.json would have to compile db/).
// Nothing needs an exception today: shared/ imports no type from db/ or anywhere else (checked by grep).
//
// Not checked: `/// <reference types>` directives and `declare module` blocks (they load no code).
import { builtinModules } from 'node:module';
import path from 'node:path';

/** Product folders, most specific first. `why` is the one-line reason printed with a refusal. */
export const LAYERS = {
  shared: {
    dir: 'shared/',
    layers: ['shared'],
    classes: ['validation'],
    why: 'shared/ is the pure core run by desk, server and browser alike, so it imports only itself and zod (no Node, no DOM).',
  },
  db: {
    dir: 'db/',
    layers: ['db', 'shared'],
    classes: ['validation', 'node-db', 'node-builtin'],
    why: 'db/ is the storage layer under both the desk backend and the server, so it builds on shared/ only.',
  },
  server: {
    dir: 'server/',
    layers: ['server', 'db', 'shared'],
    classes: ['validation', 'node-db', 'node-http', 'node-builtin'],
    why: 'the server builds on shared/ and db/ only and never depends on the desk (electron/*) or the UI.',
  },
  'electron/backend': {
    dir: 'electron/backend/',
    layers: ['electron/backend', 'db', 'shared'],
    classes: ['validation', 'node-db', 'node-http', 'node-builtin'],
    why: 'the backend is plain Node (it runs in Electron, in web mode and in tests), so it builds on shared/ and db/ only: no electron, no shell, no UI.',
  },
  'electron/main': {
    dir: 'electron/main/',
    layers: ['electron/main', 'electron/backend', 'db', 'shared'],
    classes: ['validation', 'electron', 'node-builtin'],
    why: 'the Electron shell starts the backend and opens the window, so it reaches data only through electron/backend/ and db/.',
  },
  'electron/preload': {
    dir: 'electron/preload/',
    layers: ['electron/preload'],
    classes: ['electron'],
    why: 'the sandboxed preload can load only electron (esbuild bundles its own files), so nothing else of the project, no Node, no packages.',
  },
  renderer: {
    dir: 'renderer/',
    layers: ['renderer', 'shared'],
    classes: ['validation', 'ui', 'files'],
    why: 'the renderer runs in a browser sandbox and reaches the backend only through the desk client, so it imports shared/ only (no Node).',
  },
};

/** Tooling: may import every project folder and every class (but a package must still be classified). */
export const TOOLING = {
  tests: 'tests/',
  bench: 'bench/',
  build: 'build/',
  config: null, // root files named *.config.{js,mjs,cjs,ts,mts,cts}
};

/** What a class is for; the allowed folders are derived from LAYERS (tooling may import every class). */
export const CLASSES = {
  validation: 'runtime schemas, shared by every side',
  ui: 'the React UI',
  files: 'file formats read and written in the browser',
  'node-db': 'database drivers and the query builder',
  'node-http': 'HTTP and WebSocket servers/clients',
  electron: 'the Electron API',
  'node-builtin': 'Node built-in modules',
  test: 'test runners and test-only helpers',
  dev: 'build, lint and packaging tooling',
  types: 'type packages (never imported by name)',
};

/** Every package of package.json (dependencies and devDependencies), by package name. */
export const PACKAGES = {
  // dependencies
  zod: 'validation',
  react: 'ui',
  'react-dom': 'ui',
  antd: 'ui',
  zustand: 'ui',
  fflate: 'files', // renderer/features/spreadsheet/xlsx-{read,write}.ts (and tests)
  'ical.js': 'files', // renderer/features/calendar/ics-days.ts (and tests)
  'better-sqlite3': 'node-db',
  kysely: 'node-db',
  pg: 'node-db',
  '@electric-sql/pglite': 'node-db',
  fastify: 'node-http',
  ws: 'node-http',
  // devDependencies
  electron: 'electron',
  vitest: 'test',
  '@playwright/test': 'test',
  'fast-check': 'test',
  'happy-dom': 'test', // a DOM for renderer tests that render components (tests/unit/renderer)
  exceljs: 'test',
  '@seriousme/openapi-schema-validator': 'test',
  esbuild: 'dev',
  vite: 'dev',
  '@vitejs/plugin-react': 'dev',
  eslint: 'dev',
  'typescript-eslint': 'dev',
  'eslint-plugin-react-hooks': 'dev',
  globals: 'dev',
  typescript: 'dev',
  tsx: 'dev',
  'electron-builder': 'dev',
  '@electron/fuses': 'dev',
  '@doyensec/electronegativity': 'dev',
  // build/electron-native.mjs loads it on demand (declared: needs Node >= 22.12, only for packaging).
  '@electron/rebuild': 'dev',
  '@types/better-sqlite3': 'types',
  '@types/node': 'types',
  '@types/pg': 'types',
  '@types/react': 'types',
  '@types/react-dom': 'types',
  '@types/ws': 'types',
};

/** Product folders allowed to import a class (tooling may import every class). */
export function foldersFor(cls) {
  const dirs = Object.values(LAYERS)
    .filter((l) => l.classes.includes(cls))
    .map((l) => l.dir);
  return dirs.length > 0 ? dirs.join(', ') : 'tests/, bench/, build/ and root configs';
}

const BUILTINS = new Set(builtinModules.filter((m) => !m.startsWith('_')));

const posix = (p) => p.split(path.sep).join('/');

/** The layer of a path relative to cwd (file or folder), or null when it belongs to none. */
export function layerOf(rel) {
  if (rel === '' || rel === '..' || rel.startsWith('../') || path.isAbsolute(rel)) return null;
  const withSlash = `${rel}/`;
  for (const [name, l] of Object.entries(LAYERS)) if (withSlash.startsWith(l.dir)) return name;
  for (const [name, dir] of Object.entries(TOOLING)) if (dir && withSlash.startsWith(dir)) return name;
  if (!rel.includes('/') && /\.config\.[cm]?[jt]s$/.test(rel)) return 'config';
  return null;
}

/** `@scope/pkg/sub` → `@scope/pkg`, `pkg/sub` → `pkg`. */
export function packageName(spec) {
  const parts = spec.split('/');
  return spec.startsWith('@') ? parts.slice(0, 2).join('/') : parts[0];
}

function classOf(spec) {
  if (spec.startsWith('node:')) return { pkg: spec, cls: 'node-builtin' };
  const pkg = packageName(spec);
  if (BUILTINS.has(pkg) && !(pkg in PACKAGES)) return { pkg, cls: 'node-builtin' };
  return { pkg, cls: PACKAGES[pkg] ?? null };
}

function label(layer) {
  if (layer === null) return 'a path outside every known folder';
  if (layer === 'config') return 'the root config files';
  return LAYERS[layer]?.dir ?? TOOLING[layer];
}

/** Reasons that depend on the target rather than on the importing folder. */
function targetWhy(from, to) {
  if (to === 'renderer') return 'renderer/ is the UI leaf, bundled on its own by Vite; only renderer/ imports it.';
  if ((from === 'server' && to === 'electron/backend') || (from === 'electron/backend' && to === 'server'))
    return 'the desk backend and the server share code only through shared/ and db/; they talk over HTTP and the sync protocol.';
  if (to === null) return 'only the folders listed in build/eslint/boundaries.mjs can be imported.';
  if (to in TOOLING) return 'tests, bench, build and config files are not product code.';
  return LAYERS[from].why;
}

const rule = {
  meta: {
    type: 'problem',
    docs: { description: 'Each folder imports only the project folders and npm package classes it is allowed (docs/ARCHITECTURE.md).' },
    schema: [],
    messages: {
      layer: "{{from}} may not import {{to}} ('{{source}}'): {{why}}",
      pkg: "{{from}} may not import '{{pkg}}' (class {{cls}}, only for {{where}}): {{why}}",
      unclassified: "'{{pkg}}' has no package class: classify {{pkg}} in build/eslint/boundaries.mjs before importing it.",
      nonLiteral: '{{from}} may not use {{kind}} with a computed source: the allow-list cannot see what it loads; {{why}}',
      unknownFile: '{{file}} is in no folder known to build/eslint/boundaries.mjs: add its folder (and what it may import) there.',
    },
  },
  create(context) {
    const cwd = context.cwd;
    const filename = context.filename;
    if (!path.isAbsolute(filename)) return {};
    const file = posix(path.relative(cwd, filename));
    if (file.startsWith('../')) return {}; // not part of this repository
    const from = layerOf(file);
    const product = from !== null && from in LAYERS;
    const tooling = from !== null && from in TOOLING;

    function check(node, source) {
      if (source.startsWith('.') || source.startsWith('/')) {
        if (!product) return;
        const clean = source.replace(/[?#].*$/, '');
        const target = posix(path.relative(cwd, path.resolve(path.dirname(filename), clean)));
        const to = layerOf(target);
        if (!LAYERS[from].layers.includes(to)) {
          context.report({ node, messageId: 'layer', data: { from: LAYERS[from].dir, to: label(to), source, why: targetWhy(from, to) } });
        }
        return;
      }
      const { pkg, cls } = classOf(source);
      if (cls === null) {
        context.report({ node, messageId: 'unclassified', data: { pkg } });
        return;
      }
      if (tooling || LAYERS[from].classes.includes(cls)) return;
      context.report({
        node,
        messageId: 'pkg',
        data: { from: LAYERS[from].dir, pkg, cls, where: foldersFor(cls), why: LAYERS[from].why },
      });
    }

    /** A string literal, or a template literal without expressions; otherwise null. */
    function literal(node) {
      if (!node) return null;
      if (node.type === 'Literal' && typeof node.value === 'string') return node.value;
      if (node.type === 'TemplateLiteral' && node.expressions.length === 0) return node.quasis[0].value.cooked;
      return null;
    }

    function checkCall(node, arg, kind) {
      const source = literal(arg);
      if (source !== null) check(arg, source);
      else if (product) context.report({ node, messageId: 'nonLiteral', data: { from: LAYERS[from].dir, kind, why: LAYERS[from].why } });
    }

    return {
      Program(node) {
        if (from === null) context.report({ node, loc: { line: 1, column: 0 }, messageId: 'unknownFile', data: { file } });
      },
      ImportDeclaration(node) {
        if (from !== null) check(node.source, node.source.value);
      },
      ExportNamedDeclaration(node) {
        if (node.source && from !== null) check(node.source, node.source.value);
      },
      ExportAllDeclaration(node) {
        if (from !== null) check(node.source, node.source.value);
      },
      TSExternalModuleReference(node) {
        if (from !== null) checkCall(node, node.expression, 'import = require()');
      },
      TSImportType(node) {
        const arg = node.source ?? node.argument?.literal;
        if (from !== null) checkCall(node, arg, 'import()');
      },
      ImportExpression(node) {
        if (from !== null) checkCall(node, node.source, 'import()');
      },
      CallExpression(node) {
        if (from === null) return;
        if (node.callee.type !== 'Identifier' || node.callee.name !== 'require') return;
        checkCall(node, node.arguments[0], 'require()');
      },
    };
  },
};

export default {
  meta: { name: 'layers' },
  rules: { 'allow-list': rule },
};
