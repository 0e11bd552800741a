import { ESLint } from 'eslint';
import { describe, expect, it } from 'vitest';

/** The lint rule that keeps DESIGN.md's dependency direction true must actually fire. */
const eslint = new ESLint({ cwd: process.cwd() });

async function boundaryErrors(filePath: string, code: string): Promise<string[]> {
  const [result] = await eslint.lintText(code, { filePath });
  return result!.messages.filter((m) => m.ruleId === 'no-restricted-imports').map((m) => m.message);
}

describe('import boundaries (eslint no-restricted-imports)', () => {
  it.each([
    ['renderer/features/x.ts', "import { openSqlite } from '../../db/open-sqlite';"],
    ['renderer/features/x.ts', "import { startDeskHost } from '../../electron/backend/desk-host';"],
    ['renderer/features/x.ts', "import { readFileSync } from 'node:fs';"],
    ['renderer/features/x.ts', "import { ipcRenderer } from 'electron';"],
    ['shared/calls/x.ts', "import { join } from 'path';"],
    ['shared/calls/x.ts', "import type { Database } from '../../db/schema';"],
    ['shared/calls/x.ts', "import { useState } from 'react';"],
    ['db/x.ts', "import { startDeskHost } from '../electron/backend/desk-host';"],
    ['electron/backend/x.ts', "import { app } from 'electron';"],
    ['electron/backend/x.ts', "import { App } from '../../renderer/app/App';"],
    ['electron/preload/x.ts', "import { readFileSync } from 'node:fs';"],
  ])('refuses in %s: %s', async (file, code) => {
    expect(await boundaryErrors(file, code)).toHaveLength(1);
  });

  it.each([
    ['renderer/features/x.ts', "import { api } from '../../../shared/api/table';"],
    ['shared/calls/x.ts', "import { z } from 'zod';"],
    ['db/x.ts', "import type { Store } from '../shared/store/store';"],
    ['electron/backend/x.ts', "import { migrate } from '../../db/migrate';"],
    ['electron/main/x.ts', "import { app } from 'electron';"],
    ['electron/preload/x.ts', "import { contextBridge } from 'electron';"],
  ])('allows in %s: %s', async (file, code) => {
    expect(await boundaryErrors(file, code)).toEqual([]);
  });
});
