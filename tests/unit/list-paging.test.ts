import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { ROLES } from '../../shared/auth/roles';
import { isLiveReport, type EscalationView } from '../../shared/escalation/schemas';
import { peopleCursorOf, type Person } from '../../shared/org/schemas';
import { FIXED_NOW } from './support/fixture';
import { demoDeskFixture } from './support/demo-desk-fixture';

/**
 * The people list and the escalation board a page at a time (issue #16 item 5): walking the pages with any
 * page size and any filter gives exactly what one unpaged read of the same filter gives — no one dropped,
 * no one twice — and the board's live reports (open, or a follow-up still to record) always come on the
 * first page, whatever the page size.
 */
const desk = demoDeskFixture();

const ids = <T extends { id?: string; userId?: string }>(xs: readonly T[]) => xs.map((x) => x.id ?? x.userId!);

describe('org.people pages', () => {
  const person = fc.record({
    team: fc.constantFrom('team-a', 'team-b', null),
    role: fc.constantFrom(...ROLES),
    active: fc.boolean(),
    // Short names from a small alphabet: ties and shared prefixes are the interesting cases for a keyset.
    name: fc.string({ unit: fc.constantFrom('a', 'b', '_', '张', '%'), minLength: 1, maxLength: 4 }),
  });
  const filter = fc.record({
    q: fc.constantFrom('', 'a', '张', '_', '%', 'agent'),
    teamId: fc.constantFrom(undefined, 'team-a', 'team-b', ''),
    role: fc.constantFrom(undefined, 'agent', 'team_lead', 'admin'),
    active: fc.constantFrom('any', 'yes', 'no'),
  });

  it('walking the pages gives every match of the filter once, in the one-read order', async () => {
    await fc.assert(
      fc.asyncProperty(fc.array(person, { maxLength: 30 }), filter, fc.integer({ min: 1, max: 12 }), async (people, f, limit) => {
        await desk.host.db.deleteFrom('users').where('id', 'like', 'page-%').execute();
        if (people.length)
          await desk.host.db
            .insertInto('users')
            .values(people.map((p, i) => ({ id: `page-${i}`, username: `p${String(i).padStart(2, '0')}${p.name.length}`, display_name: p.name, role: p.role, team_id: p.team, password_hash: 'x', active: p.active ? 1 : 0, created_at: FIXED_NOW.toISOString() })))
            .execute();
        const input = { q: f.q, active: f.active as 'any', ...(f.teamId !== undefined && { teamId: f.teamId }), ...(f.role && { role: f.role as 'agent' }) };
        const whole = await desk.fx.call('admin', 'org.people', { ...input, limit: 500 });
        const walked: Person[] = [];
        for (let page = await desk.fx.call('admin', 'org.people', { ...input, limit }); ; ) {
          walked.push(...page);
          if (page.length < limit) break;
          page = await desk.fx.call('admin', 'org.people', { ...input, limit, after: peopleCursorOf(page.at(-1)!) });
        }
        expect(ids(walked)).toEqual(ids(whole));
        // And the one read is the filter applied to everyone (the directory), nothing more or less.
        const lower = f.q.toLowerCase();
        const expected = (await desk.fx.call('admin', 'org.directory', {})).filter(
          (p) =>
            (!f.q || p.username.toLowerCase().includes(lower) || p.displayName.toLowerCase().includes(lower)) &&
            (f.teamId === undefined || (p.teamId ?? '') === f.teamId) &&
            (!f.role || p.role === f.role) &&
            (f.active === 'any' || p.active === (f.active === 'yes')),
        );
        expect(new Set(ids(whole))).toEqual(new Set(ids(expected)));
        expect(new Set(ids(whole)).size).toBe(whole.length);
      }),
      { numRuns: 25 },
    );
  });
});

describe('escalation.list pages', () => {
  const report = fc.record({
    status: fc.constantFrom('open', 'resolved', 'closed'),
    // A passed-over level still to record informed keeps a settled report live.
    followUp: fc.constantFrom('none', 'open', 'done'),
    team: fc.constantFrom('team-a', 'team-b'),
    // Few distinct instants: many reports share one, so the id decides their order.
    minute: fc.integer({ min: 0, max: 5 }),
  });

  it('live reports come whole on the first page; settled ones page newest first with none lost or repeated', async () => {
    await fc.assert(
      fc.asyncProperty(fc.array(report, { maxLength: 25 }), fc.constantFrom('any', 'open', 'resolved', 'closed'), fc.integer({ min: 1, max: 6 }), fc.constantFrom('center01', 'lead01'), async (reports, status, limit, who) => {
        await desk.host.db.deleteFrom('escalations').execute();
        if (reports.length)
          await desk.host.db
            .insertInto('escalations')
            .values(
              reports.map((r, i) => {
                const at = new Date(FIXED_NOW.getTime() - r.minute * 60_000).toISOString();
                const reporter = r.team === 'team-a' ? 'user-agent01' : 'user-agent07';
                const followUps = r.followUp === 'none' ? [] : [{ level: 'team_lead', done: r.followUp === 'done' ? { by: 'user-lead01', at } : null }];
                return { id: `esc-${String(i).padStart(2, '0')}`, reporter_id: reporter, reporter_role: 'agent', team_id: r.team, category: 'danger', summary: 's', proposal: 'p', call_id: null, emergency: 0, status: r.status, holder_level: 'department_director', holder_id: null, level_since: at, timeline: '[]', follow_ups: JSON.stringify(followUps), created_at: at, updated_at: at, acted_offline_at: null };
              }),
            )
            .execute();
        const input = { status: status as 'any', limit };
        const whole = await desk.fx.call(who, 'escalation.list', { status: input.status, limit: 500 });
        const first = await desk.fx.call(who, 'escalation.list', input);
        const walked: EscalationView[] = [...first];
        for (let page = first.filter((e) => !isLiveReport(e)); page.length >= limit; ) {
          const last = page.at(-1)!;
          page = await desk.fx.call(who, 'escalation.list', { ...input, after: { createdAt: last.createdAt, id: last.id } });
          expect(page.every((e) => !isLiveReport(e))).toBe(true);
          walked.push(...page);
        }
        expect(ids(walked)).toEqual(ids(whole));
        expect(new Set(ids(walked)).size).toBe(walked.length);
        expect(ids(first.filter(isLiveReport))).toEqual(ids(whole.filter(isLiveReport)));
        // Settled ones newest first, ties by id.
        const settled = walked.filter((e) => !isLiveReport(e));
        expect(settled).toEqual([...settled].sort((a, b) => b.createdAt.localeCompare(a.createdAt) || a.id.localeCompare(b.id)));
        // The one read holds exactly what the reader's scope and the status filter allow.
        const expected = reports.flatMap((r, i) => ((status === 'any' || r.status === status) && (who === 'center01' || r.team === 'team-a') ? [`esc-${String(i).padStart(2, '0')}`] : []));
        expect(new Set(ids(whole))).toEqual(new Set(expected));
      }),
      { numRuns: 25 },
    );
  });
});
