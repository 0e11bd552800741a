import { realpath, stat } from 'node:fs/promises';
import { extname, isAbsolute, join, relative, resolve, sep } from 'node:path';

const TYPES: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.ico': 'image/x-icon',
  '.json': 'application/json',
  '.woff2': 'font/woff2',
};

export const UNBUILT_TEXT = 'The desk UI is not built: run `npm run build:renderer`.';

export type StaticLookup =
  | { kind: 'file'; file: string; headers: Record<string, string> }
  /** A path no browser sends (bad percent-encoding, NUL, not origin-form): 400. */
  | { kind: 'bad'; message: string }
  /** Resolves outside the root, directly or through a symlink: 404, never the file. */
  | { kind: 'outside' }
  /** No index.html under the root: 503 with UNBUILT_TEXT. */
  | { kind: 'unbuilt' };

function inside(root: string, p: string): boolean {
  const r = relative(root, p);
  return r === '' || (r !== '..' && !r.startsWith(`..${sep}`) && !isAbsolute(r));
}

/** The real path of an existing regular file inside root, 'outside' if it escapes, null if there is none. */
async function realFile(root: string, candidate: string): Promise<string | 'outside' | null> {
  const real = await realpath(candidate).catch(() => null);
  if (real === null) return null;
  if (!inside(root, real)) return 'outside';
  const st = await stat(real).catch(() => null);
  return st?.isFile() ? real : null;
}

/**
 * Which file of the built renderer a request path names; unknown paths get index.html (client-side
 * routes). Compared against the root's real path after resolving, so neither `..` (raw, encoded,
 * backslashed) nor a symlink can reach a file outside it.
 */
export async function lookupStatic(root: string, rawUrl: string): Promise<StaticLookup> {
  const rawPath = rawUrl.split('?')[0] ?? '';
  if (!rawPath.startsWith('/')) return { kind: 'bad', message: 'Request path must start with /' };
  let decoded: string;
  try {
    decoded = decodeURIComponent(rawPath);
  } catch {
    return { kind: 'bad', message: 'Malformed percent-encoding in the path' };
  }
  if (decoded.includes('\0')) return { kind: 'bad', message: 'NUL in the path' };
  const realRoot = await realpath(root).catch(() => null);
  if (realRoot === null) return { kind: 'unbuilt' };
  // Backslashes are separators on Windows; treat them so everywhere so one rule holds on every platform.
  const candidate = resolve(realRoot, decoded.replace(/\\/g, '/').replace(/^\/+/, ''));
  if (!inside(realRoot, candidate)) return { kind: 'outside' };
  let file = await realFile(realRoot, candidate);
  if (file === 'outside') return { kind: 'outside' };
  if (file === null) {
    file = await realFile(realRoot, join(realRoot, 'index.html'));
    if (typeof file !== 'string' || file === 'outside') return { kind: 'unbuilt' };
  }
  const isHtml = file.endsWith('.html');
  return {
    kind: 'file',
    file,
    headers: {
      'content-type': TYPES[extname(file)] ?? 'application/octet-stream',
      'cache-control': isHtml ? 'no-store' : 'public, max-age=31536000, immutable',
      'x-content-type-options': 'nosniff',
      'referrer-policy': 'no-referrer',
    },
  };
}
