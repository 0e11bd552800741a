/**
 * Waits for a condition, never for a fixed time: polls `cond` every `intervalMs` and returns as soon as it
 * holds. `timeoutMs` is only the point at which a test that will never pass is failed with `what`; a
 * passing test never waits for it, so a slow machine costs only its own slowness.
 */
export async function until(cond: () => boolean | Promise<boolean>, o: { what: string; timeoutMs?: number; intervalMs?: number }): Promise<void> {
  const deadline = Date.now() + (o.timeoutMs ?? 20_000);
  for (;;) {
    if (await cond()) return;
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${o.what}`);
    await new Promise((r) => setTimeout(r, o.intervalMs ?? 10));
  }
}
