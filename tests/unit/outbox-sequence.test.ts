import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { readOutbox } from '../../db/stores/outbox-store';
import type { DeskHost } from '../../electron/backend/desk-host';
import { DEMO_PASSWORD } from '../../db/demo/demo-center';
import { aCall } from './support/calls';
import { startOfflineDemoDesk } from './support/desks';
import { tempDir } from './support/tmp';

const dir = tempDir();
let host: DeskHost;
let token: string;
beforeAll(async () => {
  host = await startOfflineDemoDesk({ dataDir: dir.path });
  const r = await host.dispatch('session.login', { username: 'agent06', password: DEMO_PASSWORD });
  token = (r as { value: { token: string } }).value.token;
});
afterAll(async () => {
  await host.close();
  dir.remove();
});

describe('outbox', () => {
  it('holds exactly the accepted mutations, in order, with ids 1, 2, 3… whatever mix of good and bad input arrives (property)', async () => {
    await fc.assert(
      fc.asyncProperty(fc.array(fc.constantFrom('good', 'bad-field', 'future', 'duplicate'), { minLength: 1, maxLength: 12 }), async (kinds) => {
        const clientId = async () => (await host.clientIdFor('user-agent06')) ?? 'none';
        const before = await readOutbox(host.db, await clientId());
        const accepted: string[] = [];
        let last = aCall();
        // Fired concurrently, as a fast typist and a sync could: ids must still come out dense.
        await Promise.all(
          kinds.map(async (kind) => {
            const input =
              kind === 'good' ? aCall() : kind === 'bad-field' ? { ...aCall(), category: 'x' } : kind === 'future' ? aCall({}, -60) : last;
            if (kind === 'good') last = input as ReturnType<typeof aCall>;
            const r = await host.dispatch('calls.log', input, token);
            if (r.ok) accepted.push((input as { id: string }).id);
          }),
        );
        const after = await readOutbox(host.db, await clientId());
        const added = after.slice(before.length);
        expect(added.map((e) => e.id)).toEqual(added.map((_, i) => before.length + i + 1));
        expect(new Set(added.map((e) => (e.args as { id: string }).id))).toEqual(new Set(accepted));
      }),
      { numRuns: 25 },
    );
  });
});
