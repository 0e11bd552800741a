import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { TestProject } from 'vitest/node';

declare module 'vitest' {
  export interface ProvidedContext {
    /** Where this run keeps its database templates (support/templates.ts); removed when the run ends. */
    zhibanTemplateRoot: string;
  }
}

/**
 * One template folder for the whole run, shared by both projects (fast and integration) and every worker.
 * Templates are built lazily by the first test that needs one (support/templates.ts), so a run of the fast
 * tier never starts PGlite.
 */
const g = globalThis as { zhibanTemplateRoot?: string };

export default function setup(project: TestProject): () => void {
  g.zhibanTemplateRoot ??= mkdtempSync(join(tmpdir(), 'zhiban-templates-'));
  project.provide('zhibanTemplateRoot', g.zhibanTemplateRoot);
  return () => {
    if (g.zhibanTemplateRoot) rmSync(g.zhibanTemplateRoot, { recursive: true, force: true });
    g.zhibanTemplateRoot = undefined;
  };
}
