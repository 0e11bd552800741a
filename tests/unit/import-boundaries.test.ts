import { readFileSync } from 'node:fs';
import { ESLint } from 'eslint';
import { describe, expect, it } from 'vitest';
import { CLASSES, LAYERS, PACKAGES } from '../../build/eslint/boundaries.mjs';

/**
 * The allow-list rule that keeps ARCHITECTURE.md's dependency direction true (build/eslint/boundaries.mjs)
 * must actually fire: every refusal below asserts a message of that rule, so turning it off fails them.
 */
const RULE = 'layers/allow-list';
const eslint = new ESLint({ cwd: process.cwd() });

async function boundaryErrors(filePath: string, code: string): Promise<string[]> {
  const [result] = await eslint.lintText(code, { filePath });
  return result!.messages.filter((m) => m.ruleId === RULE).map((m) => m.message);
}

type Case = [file: string, code: string, message: string];

const REFUSED: Record<string, Case[]> = {
  'electron/main': [
    ['electron/main/x.ts', "import { App } from '../../renderer/app/App';", 'electron/main/ may not import renderer/'],
    ['electron/main/x.ts', "import { buildApp } from '../../server/app';", 'electron/main/ may not import server/'],
    ['electron/main/x.ts', "import type { AppDeps } from '../../server/app';", 'electron/main/ may not import server/'],
    ['electron/main/x.ts', "import Database from 'better-sqlite3';", "electron/main/ may not import 'better-sqlite3'"],
    ['electron/main/x.ts', "import { expect } from 'vitest';", "electron/main/ may not import 'vitest'"],
  ],
  'electron/backend': [
    ['electron/backend/x.ts', "import { buildApp } from '../../server/app';", 'electron/backend/ may not import server/'],
    ['electron/backend/x.ts', "const { buildApp } = await import('../../server/app');", 'electron/backend/ may not import server/'],
    ['electron/backend/x.ts', "import { app } from 'electron';", "electron/backend/ may not import 'electron'"],
    ['electron/backend/x.ts', "import { App } from '../../renderer/app/App';", 'electron/backend/ may not import renderer/'],
    ['electron/backend/x.ts', "import { registerIpc } from '../main/ipc';", 'electron/backend/ may not import electron/main/'],
    ['electron/backend/x.ts', "const m = await import(process.env.PLUGIN!);", 'computed source'],
  ],
  server: [
    ['server/x.ts', "import { startDeskHost } from '../electron/backend/desk-host';", 'server/ may not import electron/backend/'],
    ['server/x.ts', "import { app } from 'electron';", "server/ may not import 'electron'"],
    ['server/x.ts', "import { App } from '../renderer/app/App';", 'server/ may not import renderer/'],
    ['server/x.ts', "import { create } from 'zustand';", "server/ may not import 'zustand'"],
  ],
  shared: [
    ['shared/calls/x.ts', "import _ from 'lodash';", 'classify lodash in build/eslint/boundaries.mjs'],
    ['shared/calls/x.ts', "import { sql } from 'kysely';", "shared/ may not import 'kysely'"],
    ['shared/calls/x.ts', "import { readFileSync } from 'node:fs';", "shared/ may not import 'node:fs'"],
    ['shared/calls/x.ts', "import { readFile } from 'fs/promises';", "shared/ may not import 'fs'"],
    ['shared/calls/x.ts', "import { join } from 'path';", "shared/ may not import 'path'"],
    ['shared/calls/x.ts', "import type { Database } from '../../db/schema';", 'shared/ may not import db/'],
    ['shared/calls/x.ts', "type Db = import('../../db/schema').Database;", 'shared/ may not import db/'],
    ['shared/calls/x.ts', "export * from '../../db/schema';", 'shared/ may not import db/'],
    ['shared/calls/x.ts', "export { buildApp } from '../../server/app';", 'shared/ may not import server/'],
    ['shared/calls/x.ts', "import { useState } from 'react';", "shared/ may not import 'react'"],
    ['shared/calls/x.ts', "import { helper } from '../../tests/unit/helpers';", 'shared/ may not import tests/'],
    ['shared/calls/x.ts', "const m = await import(name);", 'shared/ may not use import() with a computed source'],
  ],
  db: [
    ['db/x.ts', "import { startDeskHost } from '../electron/backend/desk-host';", 'db/ may not import electron/backend/'],
    ['db/x.ts', "import { buildApp } from '../server/app';", 'db/ may not import server/'],
    ['db/x.ts', "import { app } from 'electron';", "db/ may not import 'electron'"],
    ['db/x.ts', "import Fastify from 'fastify';", "db/ may not import 'fastify'"],
  ],
  renderer: [
    ['renderer/features/x.ts', "const fs = await import('node:fs');", "renderer/ may not import 'node:fs'"],
    ['renderer/features/x.ts', "const Database = require('better-sqlite3');", "renderer/ may not import 'better-sqlite3'"],
    ['renderer/features/x.ts', "const ws = require(`ws`);", "renderer/ may not import 'ws'"],
    ['renderer/features/x.ts', "import k = require('kysely');", "renderer/ may not import 'kysely'"],
    ['renderer/features/x.ts', "const m = await import('./pages/' + name);", 'renderer/ may not use import() with a computed source'],
    ['renderer/features/x.ts', "const m = require(name);", 'renderer/ may not use require() with a computed source'],
    ['renderer/features/x.ts', "import { openSqlite } from '../../db/open-sqlite';", 'renderer/ may not import db/'],
    ['renderer/features/x.ts', "import { startDeskHost } from '../../electron/backend/desk-host';", 'renderer/ may not import electron/backend/'],
    ['renderer/features/x.ts', "import { buildApp } from '../../server/app';", 'renderer/ may not import server/'],
    ['renderer/features/x.ts', "import { readFileSync } from 'node:fs';", "renderer/ may not import 'node:fs'"],
    ['renderer/features/x.ts', "import { ipcRenderer } from 'electron';", "renderer/ may not import 'electron'"],
    ['renderer/features/x.ts', "import fc from 'fast-check';", "renderer/ may not import 'fast-check'"],
  ],
  'electron/preload': [
    ['electron/preload/x.ts', "import { readFileSync } from 'node:fs';", "electron/preload/ may not import 'node:fs'"],
    ['electron/preload/x.ts', "import { z } from 'zod';", "electron/preload/ may not import 'zod'"],
    ['electron/preload/x.ts', "import { useState } from 'react';", "electron/preload/ may not import 'react'"],
    ['electron/preload/x.ts', "import type { WireError } from '../../shared/api/errors';", 'electron/preload/ may not import shared/'],
    ['electron/preload/x.ts', "import { startDeskHost } from '../backend/desk-host';", 'electron/preload/ may not import electron/backend/'],
    ['electron/preload/x.ts', "import { registerIpc } from '../main/ipc';", 'electron/preload/ may not import electron/main/'],
    ['electron/preload/x.ts', "const m = require('./' + name);", 'computed source'],
  ],
  'unclassified package': [
    ['shared/calls/x.ts', "import merge from 'lodash/merge';", 'classify lodash in build/eslint/boundaries.mjs'],
    ['server/x.ts', "import express from 'express';", 'classify express in build/eslint/boundaries.mjs'],
    ['renderer/features/x.ts', "import { SmileOutlined } from '@ant-design/icons/lib';", 'classify @ant-design/icons in'],
    ['electron/backend/x.ts', "const got = require('got');", 'classify got in'],
    ['tests/unit/x.test.ts', "import _ from 'lodash';", 'classify lodash in'],
    ['bench/sync/x.ts', "const m = await import('left-pad');", 'classify left-pad in'],
    ['build/x.mjs', "import { rollup } from 'rollup';", 'classify rollup in'],
    ['vite.config.ts', "import legacy from '@vitejs/plugin-legacy';", 'classify @vitejs/plugin-legacy in'],
  ],
  'unknown folder': [
    ['scripts/x.ts', "import { z } from 'zod';", 'scripts/x.ts is in no folder known'],
    ['electron/x.ts', "import { app } from 'electron';", 'electron/x.ts is in no folder known'],
    ['seed.ts', "import { z } from 'zod';", 'seed.ts is in no folder known'],
  ],
};

// Nobody imports renderer/ except renderer/.
for (const [name, layer] of Object.entries(LAYERS)) {
  if (name === 'renderer') continue;
  const file = `${layer.dir}x.ts`;
  const up = '../'.repeat(layer.dir.split('/').length - 1);
  (REFUSED['nobody imports renderer'] ??= []).push([file, `import { App } from '${up}renderer/app/App';`, `${layer.dir} may not import renderer/`]);
}

const ALLOWED: Record<string, [file: string, code: string][]> = {
  shared: [
    ['shared/calls/x.ts', "import { z } from 'zod';"],
    ['shared/calls/x.ts', "import { z } from 'zod/v4';"],
    ['shared/calls/x.ts', "import type { ZodType } from 'zod';"],
    ['shared/calls/x.ts', "import { callSchema } from './schemas';"],
    ['shared/calls/x.ts', "export { api } from '../api/table';"],
  ],
  db: [
    ['db/x.ts', "import type { Store } from '../shared/store/store';"],
    ['db/stores/x.ts', "import { policyDefaults } from '../../shared/policy/defaults';"],
    ['db/x.ts', "import { Kysely, sql } from 'kysely';"],
    ['db/x.ts', "import Database from 'better-sqlite3';"],
    ['db/x.ts', "import type { PGlite } from '@electric-sql/pglite';"],
    ['db/x.ts', "import { randomUUID } from 'node:crypto';"],
    ['db/x.ts', "import { createHash } from 'crypto';"],
    ['db/x.ts', "import { z } from 'zod';"],
    ['db/stores/x.ts', "import { migrate } from '../migrate';"],
  ],
  server: [
    ['server/x.ts', "import { dispatch } from '../db/dispatch';"],
    ['server/sync/x.ts', "import { api } from '../../shared/api/table';"],
    ['server/x.ts', "import Fastify from 'fastify';"],
    ['server/x.ts', "import { WebSocketServer } from 'ws';"],
    ['server/x.ts', "import pg from 'pg';"],
    ['server/x.ts', "import { PGlite } from '@electric-sql/pglite';"],
    ['server/x.ts', "import { readFileSync } from 'node:fs';"],
    ['server/sync/x.ts', "import { pull } from './pull';"],
  ],
  'electron/backend': [
    ['electron/backend/x.ts', "import { migrate } from '../../db/migrate';"],
    ['electron/backend/sync/x.ts', "import type { WireError } from '../../../shared/api/errors';"],
    ['electron/backend/x.ts', "import { WebSocket } from 'ws';"],
    ['electron/backend/x.ts', "import { sql } from 'kysely';"],
    ['electron/backend/x.ts', "import { createServer } from 'node:http';"],
    ['electron/backend/x.ts', "const { SyncEngine } = await import('./sync/sync-engine');"],
  ],
  'electron/main': [
    ['electron/main/x.ts', "import { app } from 'electron';"],
    ['electron/main/x.ts', "import { startDeskHost } from '../backend/desk-host';"],
    ['electron/main/x.ts', "import { demoCenter } from '../../db/demo/demo-center';"],
    ['electron/main/x.ts', "import { api } from '../../shared/api/table';"],
    ['electron/main/x.ts', "import { join } from 'node:path';"],
    ['electron/main/x.ts', "import { registerIpc } from './ipc';"],
  ],
  'electron/preload': [
    ['electron/preload/x.ts', "import { contextBridge } from 'electron';"],
    ['electron/preload/x.ts', "import { expose } from './expose';"],
  ],
  renderer: [
    // (was '../../../shared/…' from renderer/features/, one level too many: it resolves outside the repository)
    ['renderer/features/x.ts', "import { api } from '../../shared/api/table';"],
    ['renderer/features/calls/x.tsx', "import type { Call } from '../../../shared/calls/schemas';"],
    ['renderer/features/x.tsx', "import { useState } from 'react';"],
    ['renderer/x.tsx', "import { createRoot } from 'react-dom/client';"],
    ['renderer/i18n/x.ts', "import enUS from 'antd/locale/en_US';"],
    ['renderer/x.ts', "import 'antd/dist/reset.css'; import './app.css';"],
    ['renderer/stores/x.ts', "import { create } from 'zustand';"],
    ['renderer/features/spreadsheet/x.ts', "import { unzipSync } from 'fflate';"],
    ['renderer/features/calendar/x.ts', "import ICAL from 'ical.js';"],
    ['renderer/features/x.ts', "import { z } from 'zod';"],
    ['renderer/app/x.tsx', "const CallsPage = await import('../features/calls/CallsPage');"],
  ],
  tooling: [
    ['tests/unit/x.test.ts', "import { App } from '../../renderer/app/App'; import { buildApp } from '../../server/app';"],
    ['tests/unit/x.test.ts', "import { describe } from 'vitest'; import fc from 'fast-check'; import { readFileSync } from 'node:fs';"],
    ['tests/e2e/x.spec.ts', "import { _electron } from '@playwright/test'; import ExcelJS from 'exceljs';"],
    ['bench/sync/x.ts', "import { buildApp } from '../../server/app'; import { test } from '@playwright/test';"],
    ['build/x.mjs', "import { build } from 'esbuild'; const { rebuild } = await import('@electron/rebuild');"],
    ['build/x.mjs', "const m = await import(process.argv[2]);"],
    ['vite.config.ts', "import { defineConfig } from 'vite'; import react from '@vitejs/plugin-react';"],
    ['eslint.config.js', "import layers from './build/eslint/boundaries.mjs';"],
  ],
};

describe(`import boundaries (eslint ${RULE}, build/eslint/boundaries.mjs)`, () => {
  it.each([
    'shared/x.ts', 'db/x.ts', 'server/x.ts', 'electron/backend/x.ts', 'electron/main/x.ts',
    'electron/preload/x.ts', 'renderer/x.tsx', 'tests/unit/x.test.ts', 'bench/x.ts', 'build/x.mjs', 'vite.config.ts',
  ])('the rule is on, as an error, for %s', async (file) => {
    const config = await eslint.calculateConfigForFile(file);
    expect(config.rules[RULE]).toEqual([2]);
  });

  for (const [group, cases] of Object.entries(REFUSED)) {
    describe(`refuses: ${group}`, () => {
      it.each(cases)('%s: %s', async (file, code, message) => {
        const errors = await boundaryErrors(file, code);
        expect(errors).toHaveLength(1);
        expect(errors[0]).toContain(message);
      });
    });
  }

  for (const [group, cases] of Object.entries(ALLOWED)) {
    describe(`allows: ${group}`, () => {
      it.each(cases)('%s: %s', async (file, code) => {
        expect(await boundaryErrors(file, code)).toEqual([]);
      });
    });
  }

  it('a refusal is one line that names the folder, the import and the reason', async () => {
    const [message] = await boundaryErrors('renderer/x.ts', "import Database from 'better-sqlite3';");
    expect(message).toMatch(/^renderer\/ may not import 'better-sqlite3' \(class node-db, only for db\/, server\/, electron\/backend\/\): .+browser sandbox/);
    expect(message).not.toContain('\n');
  });
});

describe('package classes', () => {
  const pkg = JSON.parse(readFileSync('package.json', 'utf8')) as Record<string, Record<string, string> | undefined>;
  const declared = [...Object.keys(pkg.dependencies ?? {}), ...Object.keys(pkg.devDependencies ?? {})];

  it.each(declared)('%s (package.json) has a known class', (name) => {
    expect(Object.keys(CLASSES)).toContain(PACKAGES[name]);
  });

  it('classifies no package that package.json does not declare', () => {
    expect(Object.keys(PACKAGES).filter((name) => !declared.includes(name))).toEqual([]);
  });

  it('keeps UI, file-format and Electron packages where they are used today', () => {
    const users = (cls: string) => Object.values(LAYERS).filter((l) => l.classes.includes(cls)).map((l) => l.dir);
    expect(users('ui')).toEqual(['renderer/']);
    expect(users('files')).toEqual(['renderer/']);
    expect(users('electron')).toEqual(['electron/main/', 'electron/preload/']);
    expect(users('validation')).not.toContain('electron/preload/');
    expect(users('node-builtin')).toEqual(['db/', 'server/', 'electron/backend/', 'electron/main/']);
  });
});
