/**
 * The server's clock. `ZHIBAN_FIXED_CLOCK=<ISO instant>` pins it, for tests only: it is honoured when
 * NODE_ENV=test and refused (the server will not start) otherwise, so a production server can never
 * be told what time it is.
 */
export function serverClock(env: NodeJS.ProcessEnv = process.env): () => Date {
  const fixed = env.ZHIBAN_FIXED_CLOCK;
  if (!fixed) return () => new Date();
  if (env.NODE_ENV !== 'test') throw new Error('ZHIBAN_FIXED_CLOCK is only accepted when NODE_ENV=test; refusing to start.');
  const ms = Date.parse(fixed);
  if (!Number.isFinite(ms)) throw new Error(`ZHIBAN_FIXED_CLOCK is not an ISO instant: ${fixed}`);
  return () => new Date(ms);
}
