import { randomUUID } from 'node:crypto';
import type { Kysely } from 'kysely';
import type { Database } from '../db/schema';
import { getMeta } from '../db/stores/meta-store';

const KEY = 'center_id';

/**
 * This center's identity: a random UUID made on the server's first start and kept in its database
 * (`zb_meta`, which both sides have since migration 1), reported by GET /api/health. A launcher tells
 * its own server from a foreign one on the same port by it. Two servers racing on a fresh database
 * agree: the first insert wins and both read it back.
 */
export async function ensureCenterId(db: Kysely<Database>): Promise<string> {
  const found = await getMeta(db, KEY);
  if (found) return found;
  await db
    .insertInto('zb_meta')
    .values({ key: KEY, value: randomUUID() })
    .onConflict((oc) => oc.column('key').doNothing())
    .execute();
  return (await getMeta(db, KEY))!;
}
