import { eq, inArray } from 'drizzle-orm';
import { flowMigrationItems, flows, invoices, messages, timelineEvents } from '@dunning/db';
import { standardFlowVersion2 } from '@dunning/flow/src/testing/standard-flow-v2';
import { startMissingWorkflows } from '@dunning/api/src/create-app';
import { FlowMigrationsService } from '@dunning/api/src/flow-migrations/flow-migrations.service';
import { SignalRelayService } from '@dunning/api/src/dunning/signal-relay.service';
import { ApiHarness, datePlus } from './api-env';

const DAY = 86_400_000;
const detailOf = (entry: { data: Record<string, unknown> }) => String(entry.data.detail ?? '');
type Move = { invoiceId: string; number: string; from: string; to: string | null; place?: 'after' | 'before'; nextAfter: { nodeId: string; at: string } | null };
type Progress = { total: number; waiting: number; moved: number; stayed: number; closed: number; rolledBack: number; kept: number; rollbackWaiting: number };

/**
 * Applying a migration (issue 16, point 1) on 200 invoices the real workflows have moved through the
 * standard flow under time skipping. Version 2 renames reminder-2 (mapped by hand), removes
 * reminder-3 (its invoices go before the late fee) and adds an SMS after reminder-1.
 */
describe('API: migrating running invoices to a new version', () => {
  let harness: ApiHarness;
  let manager: string;
  let flowId: string;
  const as = (token: string) => ({ Authorization: `Bearer ${token}` });
  const body = { fromVersion: 1, toVersion: 2, mapping: { 'reminder-2': 'second-reminder' } };
  const db = () => harness.database.db;

  const migration = async (id: string) => (await harness.http().get(`/api/flows/${flowId}/migrations/${id}`).set(as(manager)).expect(200)).body;
  /**
   * Polls until every invoice of the migration has answered, except those waiting for a call's
   * outcome (a call is not a step boundary: they move once a collector answers or its SLA ends).
   * Bounded: a test never hangs.
   */
  const settled = async (id: string, pending: (p: Progress) => number, onProgress?: (p: Progress) => Promise<void>) => {
    let stable = 0;
    let last = -1;
    for (let i = 0; i < 600; i++) {
      await harness.app.get(SignalRelayService).flush();
      const current = await migration(id);
      const left = pending(current.progress);
      stable = left === last ? stable + 1 : 0;
      last = left;
      if (left === 0 || stable >= 25) {
        const waiting = (await itemsOf(id)).filter((item) => (current.rolledBackAt ? item.rollbackOutcome === null && item.outcome !== 'stayed' : item.outcome === null));
        for (const item of waiting) {
          const state = (await harness.http().get(`/api/invoices/${item.invoiceId}/state`).set(as(manager)).expect(200)).body;
          expect(state.live?.nextAction).toMatchObject({ type: 'await_outcome', nodeId: 'call' });
        }
        return current;
      }
      await onProgress?.(current.progress);
      await new Promise((resolve) => setTimeout(resolve, 200));
    }
    throw new Error(`migration ${id} did not settle: ${JSON.stringify((await migration(id)).progress)}`);
  };
  const previewNow = async () => harness.app.get(FlowMigrationsService).preview(flowId, body, new Date(await harness.env.currentTimeMs()));
  const itemsOf = async (id: string) => db().select().from(flowMigrationItems).where(eq(flowMigrationItems.migrationId, id));
  const versionOf = async (ids: string[]) => new Map((await db().select().from(invoices).where(inArray(invoices.id, ids))).map((i) => [i.id, i.flowVersion]));
  const stepsOf = async (invoiceId: string) =>
    (await db().select().from(timelineEvents).where(eq(timelineEvents.invoiceId, invoiceId))).sort(
      (a, b) => a.occurredAt.getTime() - b.occurredAt.getTime() || a.createdAt.getTime() - b.createdAt.getTime(),
    );

  beforeAll(async () => {
    harness = await ApiHarness.start();
    manager = await harness.login('manager@example.com');
  }, 300_000);
  afterAll(async () => harness?.stop());

  it('moves them at their step boundaries as the dry run said, survives a worker restart, and a rollback returns those not yet past a new step', async () => {
    // 200 invoices of 100 customers, due over 50 days: two weeks on, they stand at every step of version 1.
    const today = await harness.today();
    const lines = ['invoice_number,issue_date,due_date,amount,currency,customer_reference,customer_name,customer_email,customer_phone'];
    for (let i = 0; i < 200; i++)
      lines.push(
        `MA-${String(i).padStart(3, '0')},${datePlus(today, -80)},${datePlus(today, -35 + (i % 50))},${300 + i}.00,EUR,MA-C${i % 100},Client ${i % 100},ma${i % 100}@example.com,+3361234${String(5000 + (i % 100))}`,
      );
    await harness
      .http()
      .post('/api/invoices/import?wait=true')
      .set(as(manager))
      .attach('file', Buffer.from(lines.join('\n')), 'running.csv')
      .expect(202);
    await startMissingWorkflows(harness.app);
    await harness.sleepUntil(Date.parse(`${today}T00:00:00Z`) + 14 * DAY);

    flowId = (await db().select().from(flows)).find((f) => f.name.startsWith('Standard'))!.id;
    await harness.http().put(`/api/flows/${flowId}/draft`).set(as(manager)).send({ graph: standardFlowVersion2() }).expect(200);
    await harness.http().post(`/api/flows/${flowId}/publish`).set(as(manager)).expect(201);
    const refused = await harness.http().post(`/api/flows/${flowId}/migrations`).set(as(manager)).send({ fromVersion: 1, toVersion: 7 }).expect(422);
    expect(refused.body.problems).toEqual([expect.objectContaining({ field: 'toVersion' })]);

    // The dry run, then the migration at the same instant. The worker stops once the first invoice has moved, and a new one finishes.
    const preview = await previewNow();
    const planned = new Map<string, Move>(preview.invoices.map((m: Move) => [m.invoiceId, m]));
    expect(preview.invoices.length).toBeGreaterThan(150);
    expect(new Set(preview.invoices.map((m: Move) => m.from)).size).toBeGreaterThanOrEqual(4);
    const applied = (await harness.http().post(`/api/flows/${flowId}/migrations`).set(as(manager)).send(body).expect(202)).body;
    expect(applied).toMatchObject({ fromVersion: 1, toVersion: 2, progress: { total: preview.invoices.length } });
    await harness.http().post(`/api/flows/${flowId}/migrations`).set(as(manager)).send(body).expect(409);
    let atRestart: Progress | undefined;
    const first = await settled(
      applied.id,
      (p) => p.waiting,
      async (p) => {
        if (atRestart || p.moved + p.stayed === 0) return;
        atRestart = p;
        await harness.restartWorker();
      },
    );
    expect(atRestart?.waiting).toBeGreaterThan(0);
    const atCalls = first.progress.waiting;
    expect(first.status).toBe(atCalls > 0 ? 'applying' : 'applied');

    // Each invoice did what the dry run said: moved to the same place, or stayed with a reason.
    const items = await itemsOf(applied.id);
    const moved = items.filter((i) => i.outcome === 'moved');
    expect(first.progress).toMatchObject({ total: items.length, moved: moved.length, closed: 0 });
    expect(items.filter((i) => i.outcome === null)).toHaveLength(atCalls);
    for (const item of items.filter((i) => i.outcome !== null)) {
      const move = planned.get(item.invoiceId)!;
      if (move.to === null) expect(item).toMatchObject({ outcome: 'stayed', reason: expect.any(String) });
      else expect(item).toMatchObject({ outcome: 'moved', fromStep: move.from, toStep: move.from === 'start' ? 'at the start' : `${move.place} ${move.to}` });
    }
    expect(moved.some((i) => i.toStep === 'before late-fee')).toBe(true);
    expect(moved.some((i) => i.toStep === 'after second-reminder')).toBe(true);
    const versions = await versionOf(items.map((i) => i.invoiceId));
    for (const item of items) expect(versions.get(item.invoiceId)).toBe(item.outcome === 'moved' ? 2 : 1);
    // A migration still waiting for its calls keeps the next one of this flow out.
    if (atCalls > 0) await harness.http().post(`/api/flows/${flowId}/migrations`).set(as(manager)).send(body).expect(409);
    // The workflow runs version 2 and its timeline records the move.
    const sample = moved[0]!;
    const snapshot = (await harness.http().get(`/api/invoices/${sample.invoiceId}/state`).set(as(manager)).expect(200)).body;
    expect(snapshot.live).toMatchObject({ flowVersion: 2 });
    expect((await stepsOf(sample.invoiceId)).some((e) => e.type === 'migrated' && detailOf(e).includes('version 1 → 2'))).toBe(true);

    // Rolled back at once: those that ran no step of version 2 since (the SMS goes at once after reminder-1) return to version 1.
    const rollback = (await harness.http().post(`/api/flows/${flowId}/migrations/${applied.id}/rollback`).set(as(manager)).expect(202)).body;
    expect(rollback.status).toMatch(/rolling_back|rolled_back/);
    await harness.http().post(`/api/flows/${flowId}/migrations/${applied.id}/rollback`).set(as(manager)).expect(409);
    await settled(applied.id, (p) => p.rollbackWaiting);
    // The calls' SLAs run out: those invoices reach their boundary, where the rollback cancels the move they had not made.
    await harness.sleepUntil((await harness.env.currentTimeMs()) + 3 * DAY);
    const back = await settled(applied.id, (p) => p.rollbackWaiting + p.waiting);
    expect(back.status).toBe('rolled_back');
    expect(back.progress.waiting).toBe(0);
    const afterRollback = await itemsOf(applied.id);
    for (const item of items.filter((i) => i.outcome === null))
      expect(afterRollback.find((i) => i.invoiceId === item.invoiceId)).toMatchObject({
        outcome: 'stayed',
        rollbackOutcome: 'kept',
        reason: expect.stringContaining('rolled back before'),
      });
    const returned = afterRollback.filter((i) => i.rollbackOutcome === 'rolled_back');
    const kept = afterRollback.filter((i) => i.rollbackOutcome === 'kept' && i.outcome === 'moved');
    expect(returned.length).toBeGreaterThan(0);
    expect(returned.length + kept.length).toBe(moved.length);
    const rolledVersions = await versionOf(afterRollback.map((i) => i.invoiceId));
    for (const item of returned) {
      expect(rolledVersions.get(item.invoiceId)).toBe(1);
      const story = await stepsOf(item.invoiceId);
      const last = story.filter((e) => e.type === 'migrated').at(-1)!;
      expect(detailOf(last)).toContain('rolled back');
      // It stands where it stood before the migration.
      expect(last.nodeId ?? 'start').toBe(item.fromStep);
    }
    for (const item of kept) {
      expect(rolledVersions.get(item.invoiceId)).toBe(2);
      expect(item.rollbackReason).toContain('already run a step');
    }

    // Migrated again, then weeks pass: each invoice's next step is the one the dry run named, on its date; nothing is sent twice.
    const secondPreview = await previewNow();
    const secondPlanned = new Map<string, Move>(secondPreview.invoices.map((m: Move) => [m.invoiceId, m]));
    const second = (await harness.http().post(`/api/flows/${flowId}/migrations`).set(as(manager)).send(body).expect(202)).body;
    await settled(second.id, (p) => p.waiting);
    const secondMoved = (await itemsOf(second.id)).filter((i) => i.outcome === 'moved');
    expect(secondMoved.length).toBeGreaterThan(0);
    await harness.sleepUntil((await harness.env.currentTimeMs()) + 40 * DAY);

    let dated = 0;
    for (const item of secondMoved) {
      const story = await stepsOf(item.invoiceId);
      const lastMigration = story
        .map((e, index) => ({ e, index }))
        .filter(({ e }) => e.type === 'migrated' && detailOf(e).startsWith('migrated'))
        .at(-1)!.index;
      const after = story.slice(lastMigration + 1);
      // Nothing skipped but by the flow's own catch-up rule (an SMS whose call is already due), as the dry run's simulation does.
      for (const skipped of after.filter((e) => e.type === 'skipped')) expect(detailOf(skipped)).toContain('catch-up');
      const next = after.find((e) => e.type === 'step');
      const expected = secondPlanned.get(item.invoiceId)!.nextAfter;
      if (expected && next) {
        // Steps of one instant (the fee, the status, the letter) are not ordered in the table: the dry run's is one of them.
        expect(after.filter((e) => e.type === 'step' && e.occurredAt.getTime() === next.occurredAt.getTime()).map((e) => e.nodeId)).toContain(expected.nodeId);
        expect(Math.abs(next.occurredAt.getTime() - Date.parse(expected.at))).toBeLessThan(5 * 60_000);
        dated++;
      }
    }
    expect(dated).toBeGreaterThan(secondMoved.length / 2);

    // No invoice was sent the same template twice, across both versions, both migrations and the rollback.
    const ids = items.map((i) => i.invoiceId);
    const ours = new Set(ids);
    const sent = (await db().select({ invoiceIds: messages.invoiceIds, template: messages.template }).from(messages)).filter((m) => m.invoiceIds.some((id) => ours.has(id)));
    const seen = new Set<string>();
    for (const message of sent)
      for (const invoiceId of message.invoiceIds.filter((id) => ours.has(id))) {
        const key = `${invoiceId}:${message.template}`;
        expect(seen.has(key) ? key : undefined).toBeUndefined();
        seen.add(key);
      }
  }, 600_000);

  it('stops an experiment between two versions of the flow and moves the losing arm’s running invoices, and only those, to the winner', async () => {
    const rules = (await harness.http().get('/api/flows/assignments').set(as(manager)).expect(200)).body;
    const saved = await harness
      .http()
      .put('/api/flows/assignments')
      .set(as(manager))
      .send({ rules: [{ flowId, priority: -10, segment: 'pilot' }, ...rules.map(({ id: _id, createdAt: _at, ...r }: Record<string, unknown>) => r)] })
      .expect(200);
    const rule = saved.body.find((r: { segment: string | null }) => r.segment === 'pilot');
    const arms = [
      { key: 'A', flowId, flowVersion: 1, weight: 50 },
      { key: 'B', flowId, flowVersion: 2, weight: 50 },
    ];
    const experiment = (await harness.http().post('/api/experiments').set(as(manager)).send({ name: 'v1 vs v2', ruleId: rule.id, arms }).expect(201)).body;
    const today = await harness.today();
    const lines = ['invoice_number,issue_date,due_date,amount,currency,customer_reference,customer_name,customer_email,customer_segment'];
    for (let c = 0; c < 30; c++) lines.push(`XV-${c},${datePlus(today, -40)},${datePlus(today, -10)},${150 + c}.00,EUR,XV-C${c},Pilot ${c},xv${c}@example.com,pilot`);
    await harness
      .http()
      .post('/api/invoices/import?wait=true')
      .set(as(manager))
      .attach('file', Buffer.from(lines.join('\n')), 'pilot.csv')
      .expect(202);
    await startMissingWorkflows(harness.app);
    const pilots = (await db().select().from(invoices)).filter((i) => i.number.startsWith('XV-'));
    const armA = pilots.filter((i) => i.experimentArm === 'A');
    expect(armA.length).toBeGreaterThan(0);

    const stopped = (await harness.http().post(`/api/experiments/${experiment.id}/stop`).set(as(manager)).send({ winnerArm: 'B', migrateRunning: true }).expect(200)).body;
    expect(stopped.migrations).toEqual([{ arm: 'A', migrationId: expect.any(String), invoices: armA.length, reason: null }]);
    const moved = await settled(stopped.migrations[0].migrationId, (p) => p.waiting);
    // Arm A's invoices only: the other invoices running version 1 are not part of it.
    expect(moved.progress.total).toBe(armA.length);
    const versions = await versionOf(armA.map((i) => i.id));
    const items = await itemsOf(stopped.migrations[0].migrationId);
    for (const item of items) expect(versions.get(item.invoiceId)).toBe(item.outcome === 'moved' ? 2 : 1);
    expect(items.filter((i) => i.outcome === 'moved').length).toBeGreaterThan(0);
  }, 300_000);
});
