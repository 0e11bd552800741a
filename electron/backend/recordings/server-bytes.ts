import type { Readable } from 'node:stream';
import { Readable as NodeReadable } from 'node:stream';
import type { WireError } from '../../../shared/api/errors';
import { OfflineError, ServerRefused } from '../sync/server-link';

/** Uploads can be large: a minute for 50 MB even on a slow floor network. */
const UPLOAD_TIMEOUT_MS = 60_000;
const READ_TIMEOUT_MS = 30_000;

async function wireOf(res: Response): Promise<WireError> {
  const json = (await res.json().catch(() => null)) as { error?: WireError } | null;
  return json?.error ?? { code: 'bad_request', message: `HTTP ${res.status}` };
}

/** PUT a recording's bytes to the central server; 4xx → ServerRefused, no answer or 5xx → OfflineError. */
export async function uploadToServer(baseUrl: string, token: string, id: string, bytes: Uint8Array): Promise<void> {
  let res: Response;
  try {
    res = await fetch(`${baseUrl}/api/recordings/${encodeURIComponent(id)}/content`, {
      method: 'PUT',
      headers: { 'content-type': 'application/octet-stream', authorization: `Bearer ${token}` },
      body: bytes as Uint8Array<ArrayBuffer>,
      signal: AbortSignal.timeout(UPLOAD_TIMEOUT_MS),
    });
  } catch (err) {
    throw new OfflineError(err instanceof Error ? err.message : String(err));
  }
  if (res.status >= 500) throw new OfflineError(`server answered ${res.status}`, true);
  if (res.status >= 400) throw new ServerRefused(res.status, await wireOf(res));
  await res.body?.cancel();
}

export interface ServerStream {
  status: number;
  headers: Record<string, string>;
  body: Readable;
}

/** GET a recording's bytes from the server (the Range asked for passed on), as a stream to hand on. */
export async function streamFromServer(baseUrl: string, token: string, id: string, range: string | undefined): Promise<ServerStream> {
  let res: Response;
  try {
    res = await fetch(`${baseUrl}/api/recordings/${encodeURIComponent(id)}/content`, {
      headers: { authorization: `Bearer ${token}`, ...(range ? { range } : {}) },
      signal: AbortSignal.timeout(READ_TIMEOUT_MS),
    });
  } catch (err) {
    throw new OfflineError(err instanceof Error ? err.message : String(err));
  }
  if (res.status >= 500) throw new OfflineError(`server answered ${res.status}`, true);
  if (res.status >= 400 && res.status !== 416) throw new ServerRefused(res.status, await wireOf(res));
  const headers: Record<string, string> = {};
  for (const h of ['content-type', 'content-length', 'content-range', 'accept-ranges']) {
    const v = res.headers.get(h);
    if (v) headers[h] = v;
  }
  return { status: res.status, headers, body: res.body ? NodeReadable.fromWeb(res.body as never) : NodeReadable.from([]) };
}
