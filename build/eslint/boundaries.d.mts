// Types for build/eslint/boundaries.mjs, for tests/unit/import-boundaries.test.ts.
export interface Layer {
  dir: string;
  layers: string[];
  classes: string[];
  why: string;
}
export const LAYERS: Record<string, Layer>;
export const TOOLING: Record<string, string | null>;
export const CLASSES: Record<string, string>;
export const PACKAGES: Record<string, string>;
export function foldersFor(cls: string): string;
export function layerOf(rel: string): string | null;
export function packageName(spec: string): string;
declare const plugin: { meta: { name: string }; rules: Record<string, unknown> };
export default plugin;
