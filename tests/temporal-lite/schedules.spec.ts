import { mkdtempSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { Client, type ScheduleHandle, ScheduleAlreadyRunning, ScheduleNotFoundError, ScheduleOverlapPolicy, type WorkflowExecutionInfo } from '@temporalio/client';
import { defineSearchAttributeKey } from '@temporalio/common';
import { msToTs, tsToMs } from '@temporalio/common/lib/time';
import type { temporal } from '@temporalio/proto';
import type { TestWorkflowEnvironment } from '@temporalio/testing';
import { Worker } from '@temporalio/worker';
import { ServerProcess, freePort } from './fixtures/server-process';
import { waitFor } from './fixtures/spawn-worker';
import { createTestActivities } from './test-activities';
import { createTimeSkippingEnv, quietRuntime, workflowBundle } from './temporal-lite-env';
import { failing, scheduledSleeper, scheduledTask } from './workflows';

const MINUTE = 60_000;
const HOUR = 60 * MINUTE;
const DAY = 24 * HOUR;
const SCHEDULED_START = defineSearchAttributeKey('TemporalScheduledStartTime', 'DATETIME');

/** The workflows a schedule started, oldest first. */
async function startedBy(client: Client, scheduleId: string): Promise<WorkflowExecutionInfo[]> {
  const runs: WorkflowExecutionInfo[] = [];
  for await (const run of client.workflow.list({ query: `TemporalScheduledById = '${scheduleId}'` })) runs.push(run);
  return runs.sort((a, b) => a.workflowId.localeCompare(b.workflowId));
}

/** The nominal time a scheduled workflow's id ends with (`<id>-<RFC 3339 time>`). */
const nominalOf = (workflowId: string) => Date.parse(workflowId.slice(-20));

describe('temporal-lite: schedules (time skipping)', () => {
  let env: TestWorkflowEnvironment;
  let worker: Worker;
  let workerDone: Promise<void>;
  const taskQueue = 'schedules';

  beforeAll(async () => {
    env = await createTimeSkippingEnv();
    worker = await Worker.create({ connection: env.nativeConnection, taskQueue, workflowBundle: await workflowBundle(), activities: createTestActivities() });
    workerDone = worker.run();
  });
  afterEach(async () => {
    // A schedule left behind would keep firing through the next test's virtual days.
    for await (const schedule of env.client.schedule.list()) await env.client.schedule.getHandle(schedule.scheduleId).delete();
  });
  afterAll(async () => {
    worker?.shutdown();
    await workerDone;
    await env?.teardown();
  });

  it('fires every day for 30 virtual days, naming each workflow after its nominal time', async () => {
    const handle = await env.client.schedule.create({
      scheduleId: 'daily',
      spec: { intervals: [{ every: '1 day' }] },
      action: { type: 'startWorkflow', workflowType: scheduledTask, taskQueue, workflowId: 'daily-report' },
    });
    const createdAt = await env.currentTimeMs();
    await env.sleep('30 days');

    const runs = await startedBy(env.client, 'daily');
    expect(runs).toHaveLength(30);
    const firstMidnight = Math.ceil(createdAt / DAY) * DAY;
    expect(runs.map((run) => run.workflowId)).toEqual(
      Array.from({ length: 30 }, (_, i) => `daily-report-${new Date(firstMidnight + i * DAY).toISOString().replace('.000Z', 'Z')}`),
    );
    expect(runs.every((run) => run.status.name === 'COMPLETED')).toBe(true);
    expect(runs[0]!.typedSearchAttributes.get(SCHEDULED_START)).toEqual(new Date(firstMidnight));

    const { info } = await handle.describe();
    expect(info.numActionsTaken).toBe(30);
    expect(info.recentActions).toHaveLength(10);
    expect(info.recentActions.at(-1)!.scheduledAt).toEqual(new Date(firstMidnight + 29 * DAY));
    expect(info.nextActionTimes).toHaveLength(10);
    expect(info.nextActionTimes[0]).toEqual(new Date(firstMidnight + 30 * DAY));
  });

  it('does not fire while paused, and fires again once unpaused', async () => {
    const handle = await env.client.schedule.create({
      scheduleId: 'hourly',
      spec: { intervals: [{ every: '1 hour' }] },
      action: { type: 'startWorkflow', workflowType: scheduledTask, taskQueue, workflowId: 'hourly-task' },
      state: { paused: true, note: 'not yet' },
    });
    await env.sleep('5 hours');
    expect(await startedBy(env.client, 'hourly')).toHaveLength(0);
    expect((await handle.describe()).state).toMatchObject({ paused: true, note: 'not yet' });

    await handle.unpause('go');
    await env.sleep('3 hours');
    expect(await startedBy(env.client, 'hourly')).toHaveLength(3);

    await handle.pause('enough');
    await env.sleep('4 hours');
    expect(await startedBy(env.client, 'hourly')).toHaveLength(3);
    const description = await handle.describe();
    expect(description.state).toMatchObject({ paused: true, note: 'enough' });
    expect(description.info.numActionsTaken).toBe(3);
  });

  it('triggers an action now and backfills past times', async () => {
    const handle = await env.client.schedule.create({
      scheduleId: 'on-demand',
      spec: { intervals: [{ every: '1 day' }] },
      action: { type: 'startWorkflow', workflowType: scheduledTask, taskQueue, workflowId: 'on-demand-task' },
      state: { paused: true },
    });
    const now = await env.currentTimeMs();
    await handle.trigger();
    await handle.backfill({ start: new Date('2024-01-01T00:00:00Z'), end: new Date('2024-01-05T00:00:00Z'), overlap: ScheduleOverlapPolicy.ALLOW_ALL });
    await env.sleep('1 minute');

    const ids = (await startedBy(env.client, 'on-demand')).map((run) => run.workflowId);
    expect(ids).toHaveLength(6);
    // Backfilled: both ends included.
    expect(ids.slice(0, 5)).toEqual(['01', '02', '03', '04', '05'].map((day) => `on-demand-task-2024-01-${day}T00:00:00Z`));
    // Triggered: named after the moment of the trigger, although the schedule is paused.
    expect(Math.abs(nominalOf(ids[5]!) - now)).toBeLessThan(5_000);
    expect((await handle.describe()).info.numActionsTaken).toBe(6);
  });

  it('describes, updates, lists and deletes schedules through the client', async () => {
    const handle = await env.client.schedule.create({
      scheduleId: 'weekly-digest',
      spec: { calendars: [{ hour: 9, dayOfWeek: 'MONDAY', comment: 'Monday morning' }], timezone: 'Europe/Paris', jitter: '10 minutes' },
      action: { type: 'startWorkflow', workflowType: scheduledTask, taskQueue, workflowId: 'digest', workflowRunTimeout: '1 hour', memo: { kind: 'digest' } },
      policies: { overlap: ScheduleOverlapPolicy.BUFFER_ONE, catchupWindow: '1 hour', pauseOnFailure: true },
      state: { note: 'created by the test', remainingActions: 3 },
      memo: { owner: 'finance' },
    });
    const created = await handle.describe();
    expect(created.spec.calendars![0]).toMatchObject({
      hour: [{ start: 9, end: 9, step: 1 }],
      dayOfWeek: [{ start: 'MONDAY', end: 'MONDAY', step: 1 }],
      comment: 'Monday morning',
    });
    expect(created.spec).toMatchObject({ timezone: 'Europe/Paris', jitter: 10 * MINUTE });
    expect(created.action).toMatchObject({ workflowType: 'scheduledTask', workflowId: 'digest', taskQueue, workflowRunTimeout: HOUR, memo: { kind: 'digest' } });
    expect(created.policies).toEqual({ overlap: 'BUFFER_ONE', catchupWindow: HOUR, pauseOnFailure: true });
    expect(created.state).toEqual({ paused: false, note: 'created by the test', remainingActions: 3 });
    expect(created.memo).toEqual({ owner: 'finance' });
    expect(created.info.lastUpdatedAt).toBeUndefined();
    // Limited to the remaining actions, each on a Monday within 10 minutes after 09:00 in Paris.
    expect(created.info.nextActionTimes).toHaveLength(3);
    for (const time of created.info.nextActionTimes) {
      const paris = new Intl.DateTimeFormat('en-GB', { timeZone: 'Europe/Paris', weekday: 'long', hour: '2-digit', minute: '2-digit', hourCycle: 'h23' }).format(time);
      expect(paris).toMatch(/^Monday 09:0\d$/);
    }

    await handle.update((previous) => ({ ...previous, spec: { cronExpressions: ['30 12 * * *'] }, state: { ...previous.state, remainingActions: undefined } }));
    const updated = await handle.describe();
    expect(updated.spec.calendars).toHaveLength(1);
    expect(updated.spec.calendars![0]).toMatchObject({ hour: [{ start: 12, end: 12, step: 1 }], minute: [{ start: 30, end: 30, step: 1 }] });
    expect(updated.info.lastUpdatedAt).toBeInstanceOf(Date);
    expect(updated.info.nextActionTimes).toHaveLength(10);
    expect(updated.info.nextActionTimes.every((t) => t.getUTCHours() === 12 && t.getUTCMinutes() === 30)).toBe(true);
    expect(updated.policies.overlap).toBe('BUFFER_ONE');
    const from = await env.currentTimeMs();
    const matching = (
      await (env.client.workflowService.listScheduleMatchingTimes({
        namespace: 'default',
        scheduleId: 'weekly-digest',
        startTime: msToTs(from),
        endTime: msToTs(from + 3 * DAY),
      }) as Promise<temporal.api.workflowservice.v1.IListScheduleMatchingTimesResponse>)
    ).startTime!;
    expect(matching.map((t) => new Date(tsToMs(t)).toISOString().slice(11))).toEqual(Array(3).fill('12:30:00.000Z'));

    const other = await env.client.schedule.create({
      scheduleId: 'other',
      spec: { cronExpressions: ['@daily'] },
      action: { type: 'startWorkflow', workflowType: scheduledTask, taskQueue },
      state: { paused: true, note: 'later' },
    });
    const listed = new Map<string, { paused: boolean; type?: string; next: number }>();
    for await (const schedule of env.client.schedule.list()) {
      listed.set(schedule.scheduleId, { paused: schedule.state.paused, type: schedule.action?.workflowType, next: schedule.info.nextActionTimes.length });
    }
    expect(Object.fromEntries(listed)).toEqual({
      other: { paused: true, type: 'scheduledTask', next: 5 },
      'weekly-digest': { paused: false, type: 'scheduledTask', next: 5 },
    });

    await expect(env.client.schedule.create({ scheduleId: 'other', spec: {}, action: { type: 'startWorkflow', workflowType: scheduledTask, taskQueue } })).rejects.toBeInstanceOf(
      ScheduleAlreadyRunning,
    );
    await expect(
      env.client.schedule.create({ scheduleId: 'bad', spec: { cronExpressions: ['0 25 * * *'] }, action: { type: 'startWorkflow', workflowType: scheduledTask, taskQueue } }),
    ).rejects.toThrow('Hour is not in range [0-23]');

    await other.delete();
    await expect(other.describe()).rejects.toBeInstanceOf(ScheduleNotFoundError);
    await handle.delete();
    const left: string[] = [];
    for await (const schedule of env.client.schedule.list()) left.push(schedule.scheduleId);
    expect(left).toEqual([]);
  });

  it('applies the overlap policy: SKIP and BUFFER_ONE wait for the running workflow, ALLOW_ALL does not', async () => {
    const handles: Record<string, ScheduleHandle> = {};
    const policies = [ScheduleOverlapPolicy.SKIP, ScheduleOverlapPolicy.BUFFER_ONE, ScheduleOverlapPolicy.ALLOW_ALL, ScheduleOverlapPolicy.TERMINATE_OTHER];
    for (const overlap of policies) {
      handles[overlap] = await env.client.schedule.create({
        scheduleId: `overlap-${overlap}`,
        spec: { intervals: [{ every: '1 minute' }] },
        // Each workflow runs 1.5 minutes: it overlaps the next action.
        action: { type: 'startWorkflow', workflowType: scheduledSleeper, args: [90_000], taskQueue, workflowId: `sleeper-${overlap}` },
        policies: { overlap },
      });
    }
    const createdAt = await env.currentTimeMs();
    await env.sleep('10 minutes');
    const actions = Math.floor((await env.currentTimeMs()) / MINUTE) - Math.floor(createdAt / MINUTE);

    const describe = async (overlap: string) => {
      const { info, raw } = await handles[overlap]!.describe();
      return { info, bufferSize: Number(raw.info?.bufferSize?.toString() ?? 0), runs: await startedBy(env.client, `overlap-${overlap}`) };
    };
    const skip = await describe(ScheduleOverlapPolicy.SKIP);
    const bufferOne = await describe(ScheduleOverlapPolicy.BUFFER_ONE);
    const allowAll = await describe(ScheduleOverlapPolicy.ALLOW_ALL);
    const terminateOther = await describe(ScheduleOverlapPolicy.TERMINATE_OTHER);

    // ALLOW_ALL: one workflow per action, several running at once.
    expect(allowAll.info.numActionsTaken).toBe(actions);
    expect(allowAll.info.numActionsSkippedOverlap).toBe(0);
    const overlapsPrevious = (runs: WorkflowExecutionInfo[]) => runs.filter((run, i) => i > 0 && run.startTime.getTime() < (runs[i - 1]!.closeTime?.getTime() ?? Infinity)).length;
    expect(overlapsPrevious(allowAll.runs)).toBe(actions - 1);

    // SKIP: never two at once; the actions due meanwhile are counted as skipped.
    expect(skip.info.numActionsTaken + skip.info.numActionsSkippedOverlap).toBe(actions);
    expect(skip.info.numActionsSkippedOverlap).toBeGreaterThanOrEqual(Math.floor(actions / 2));
    expect(overlapsPrevious(skip.runs)).toBe(0);

    // BUFFER_ONE: the next one starts the moment the running one closes; one more waits in the buffer.
    expect(bufferOne.info.numActionsTaken).toBeGreaterThan(skip.info.numActionsTaken);
    expect(bufferOne.info.numActionsTaken + bufferOne.info.numActionsSkippedOverlap + bufferOne.bufferSize).toBe(actions);
    expect(bufferOne.bufferSize).toBeLessThanOrEqual(1);
    expect(bufferOne.info.runningActions).toHaveLength(1);
    for (let i = 1; i < bufferOne.runs.length; i++) {
      expect(bufferOne.runs[i]!.startTime.getTime() - bufferOne.runs[i - 1]!.closeTime!.getTime()).toBeLessThan(1_000);
    }

    // TERMINATE_OTHER: each action ends the running workflow and takes its place.
    expect(terminateOther.info.numActionsTaken).toBe(actions);
    expect(terminateOther.runs.map((run) => run.status.name)).toEqual([...Array(actions - 1).fill('TERMINATED'), 'RUNNING']);
  });

  it('stops after its remaining actions, and pauses itself when a workflow fails', async () => {
    const limited = await env.client.schedule.create({
      scheduleId: 'twice',
      spec: { intervals: [{ every: '1 hour' }] },
      action: { type: 'startWorkflow', workflowType: scheduledTask, taskQueue, workflowId: 'twice-task' },
      state: { remainingActions: 2 },
    });
    const fragile = await env.client.schedule.create({
      scheduleId: 'fragile',
      spec: { intervals: [{ every: '1 hour' }] },
      action: { type: 'startWorkflow', workflowType: failing, args: ['boom'], taskQueue, workflowId: 'fragile-task' },
      policies: { pauseOnFailure: true },
    });
    await env.sleep('5 hours');

    expect(await startedBy(env.client, 'twice')).toHaveLength(2);
    const twice = await limited.describe();
    expect(twice.state.remainingActions).toBe(0);
    expect(twice.info.nextActionTimes).toEqual([]);

    const failed = await startedBy(env.client, 'fragile');
    expect(failed.map((run) => run.status.name)).toEqual(['FAILED']);
    expect((await fragile.describe()).state).toMatchObject({ paused: true, note: `paused due to workflow failure: ${failed[0]!.workflowId}: boom` });
  });

  it('fires a Europe/Paris calendar at 09:00 local time on both sides of a DST change', async () => {
    const transition = nextParisTransition(await env.currentTimeMs());
    await env.client.schedule.create({
      scheduleId: 'paris',
      spec: { calendars: [{ hour: 9, minute: 0 }], timezone: 'Europe/Paris', startAt: new Date(transition - 3 * DAY), endAt: new Date(transition + 3 * DAY) },
      action: { type: 'startWorkflow', workflowType: scheduledTask, taskQueue, workflowId: 'paris-morning' },
    });
    await env.sleep(transition + 3 * DAY + HOUR - (await env.currentTimeMs()));

    const nominal = (await startedBy(env.client, 'paris')).map((run) => nominalOf(run.workflowId));
    expect(nominal).toHaveLength(6);
    const parisHour = new Intl.DateTimeFormat('en-GB', { timeZone: 'Europe/Paris', hour: '2-digit', minute: '2-digit', hourCycle: 'h23' });
    expect(nominal.map((t) => parisHour.format(t))).toEqual(Array(6).fill('09:00'));
    // Three mornings before the change, three after: the UTC hour moves by one at the change.
    const utcHours = nominal.map((t) => new Date(t).getUTCHours());
    expect(new Set(utcHours.slice(0, 3)).size).toBe(1);
    expect(new Set(utcHours.slice(3)).size).toBe(1);
    expect(Math.abs(utcHours[0]! - utcHours[3]!)).toBe(1);
    expect(nominal[2]! < transition && nominal[3]! > transition).toBe(true);
  });
});

/** The next instant Paris changes its UTC offset, found hour by hour. */
function nextParisTransition(from: number): number {
  const offset = (t: number) => new Intl.DateTimeFormat('en-GB', { timeZone: 'Europe/Paris', timeZoneName: 'shortOffset' }).format(t).split(' ').pop();
  const start = Math.ceil(from / HOUR) * HOUR;
  for (let t = start; ; t += HOUR) if (offset(t + HOUR) !== offset(t)) return t + HOUR;
}

describe('temporal-lite: a schedule on the persisted dev server', () => {
  let dir: string;
  let server: ServerProcess;

  beforeAll(async () => {
    quietRuntime();
    dir = mkdtempSync(path.join(os.tmpdir(), 'temporal-lite-schedules-'));
    server = new ServerProcess(await freePort(), path.join(dir, 'temporal.db'));
    await server.start();
  });
  afterAll(async () => {
    await server?.kill();
    rmSync(dir, { recursive: true, force: true });
  });

  it('survives kill -9: actions missed while down are taken on restart, none twice, none lost', async () => {
    let connection = await server.connect();
    let client = new Client({ connection });
    const handle = await client.schedule.create({
      scheduleId: 'every-2s',
      spec: { intervals: [{ every: '2 seconds' }] },
      // Nobody runs these workflows: ALLOW_ALL, so one still running does not hold back the next.
      action: { type: 'startWorkflow', workflowType: 'notRunHere', taskQueue: 'nobody-polls', workflowId: 'tick' },
      policies: { overlap: ScheduleOverlapPolicy.ALLOW_ALL },
    });
    const createdAt = (await handle.describe()).info.createdAt.getTime();
    await waitFor(async () => (await handle.describe()).info.numActionsTaken >= 2, 10_000, 'two actions');

    await server.kill();
    const killedAt = Date.now();
    await connection.close();
    await new Promise((resolve) => setTimeout(resolve, 4_000));
    await server.start();
    const restartedAt = Date.now();
    connection = await server.connect();
    client = new Client({ connection });
    try {
      const restarted = client.schedule.getHandle('every-2s');
      await waitFor(async () => (await restarted.describe()).info.numActionsTaken >= 6, 15_000, 'actions after the restart');
      await restarted.pause('checked');
      const { info } = await restarted.describe();
      const nominal = (await startedBy(client, 'every-2s')).map((run) => nominalOf(run.workflowId));

      // Every 2 s from the first time after creation, without a gap (the times missed while the
      // server was down included) and without a repeat: one workflow per action taken.
      expect(nominal).toHaveLength(info.numActionsTaken);
      expect(nominal[0]).toBe(Math.ceil((createdAt + 1) / 2_000) * 2_000);
      expect(nominal.every((t, i) => i === 0 || t - nominal[i - 1]! === 2_000)).toBe(true);
      // Some were due while the server was down.
      expect(nominal.some((t) => t > killedAt && t < restartedAt)).toBe(true);
      expect(info.numActionsMissedCatchupWindow).toBe(0);
    } finally {
      await connection.close();
    }
  }, 40_000);
});
