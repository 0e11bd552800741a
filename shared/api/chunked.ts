import type { HandlerContext } from './method';

/**
 * A mutation too big for one transaction (a whole center's month import): its checks run first, reading
 * only and holding no write lock; then its writes run as chunks, each of which a host may commit on its
 * own so other writers get in between (the server); a desk runs them all in its one transaction. Every
 * chunk re-checks what another writer may have changed since (a cell edited later stays), so a chunk is
 * safe whenever it runs. Nothing is written when `prepare` refuses.
 */
export interface ChunkedMutation<I, O, P> {
  /** `pause`: a host with other requests to serve (the server) lets them run between slices of a long check. */
  prepare(ctx: HandlerContext, input: I, pause?: () => Promise<void>): Promise<{ chunks: readonly ((ctx: HandlerContext) => Promise<P>)[]; result(parts: readonly P[]): O }>;
}

/** Runs a chunked mutation in the caller's one transaction (what a plain handler does). */
export async function runAllChunks<I, O, P>(m: ChunkedMutation<I, O, P>, ctx: HandlerContext, input: I): Promise<O> {
  const { chunks, result } = await m.prepare(ctx, input);
  const parts: P[] = [];
  for (const c of chunks) parts.push(await c(ctx));
  return result(parts);
}
