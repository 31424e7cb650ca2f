import type { ScheduleSummary } from '@temporalio/client';
import { localToday } from '@dunning/domain';
import { STATUS_REFRESH_SCHEDULE_ID } from '@dunning/workflows';
import { startBackgroundWork } from '@dunning/api/src/create-app';
import { StatusRefreshScheduleService } from '@dunning/api/src/dunning/status-refresh-schedule.service';
import { ApiHarness, datePlus } from './api-env';

const PARIS = 'Europe/Paris';
const NEW_YORK = 'America/New_York';
const MINUTE = 60_000;

/** The instant a local date begins in a zone (whole-hour offsets). */
function midnightIn(timeZone: string, date: string): number {
  for (let hours = -14; hours <= 14; hours++) {
    const instant = Date.parse(`${date}T00:00:00Z`) - hours * 3_600_000;
    if (localToday(instant, timeZone) === date && localToday(instant - 1, timeZone) !== date) return instant;
  }
  throw new Error(`no midnight found for ${date} in ${timeZone}`);
}

/**
 * The statuses that follow the calendar are moved by a Temporal schedule the API keeps and the
 * worker runs (not by an interval in each API process): with the back end on temporal-lite under
 * time skipping, an invoice's status changes 30 s after its customer's date does, in Paris and in
 * New York, and the schedule is there to be seen, once.
 */
describe('statuses that follow the calendar move on a Temporal schedule', () => {
  let harness: ApiHarness;
  let manager: string;
  const stops: Array<() => void> = [];

  beforeAll(async () => {
    harness = await ApiHarness.start();
    manager = await harness.login('manager@example.com');
  });
  afterAll(async () => {
    for (const stop of stops) stop();
    await harness?.stop();
  });

  const as = (token: string) => ({ Authorization: `Bearer ${token}` });
  const statusOf = async (id: string) => (await harness.http().get(`/api/invoices/${id}`).set(as(manager)).expect(200)).body.status as string;
  const schedule = () => harness.env.client.schedule.getHandle(STATUS_REFRESH_SCHEDULE_ID);
  const invoiceDue = async (reference: string, timeZone: string, issueDate: string, dueDate: string) => {
    const customerId = (await harness.http().post('/api/customers').set(as(manager)).send({ reference, name: reference, country: 'FR', timeZone }).expect(201)).body.id;
    const created = await harness
      .http()
      .post('/api/invoices')
      .set(as(manager))
      .send({ number: `${reference}-1`, customerId, issueDate, dueDate, amount: 500_00, currency: 'EUR' })
      .expect(201);
    expect(created.body.status).toBe('not_due');
    return created.body.id as string;
  };

  it('moves invoices due tomorrow to overdue 30 s after their customer’s midnight; starting again keeps the one schedule as it was', async () => {
    // The API dates invoices by its own clock; the server's (virtual) clock starts at the same instant.
    const today = localToday(new Date(), PARIS);
    const dueDate = datePlus(today, 1);
    const inParis = await invoiceDue('C-PARIS', PARIS, today, dueDate);
    const inNewYork = await invoiceDue('C-NYC', NEW_YORK, datePlus(today, -1), dueDate);

    // Nothing moves statuses before the background work starts: the due date comes in the books unnoticed.
    const parisOverdue = midnightIn(PARIS, datePlus(dueDate, 1));
    const newYorkOverdue = midnightIn(NEW_YORK, datePlus(dueDate, 1));
    await harness.sleepUntil(parisOverdue - 20 * MINUTE);
    expect([await statusOf(inParis), await statusOf(inNewYork)]).toEqual(['not_due', 'not_due']);

    stops.push(await startBackgroundWork(harness.app));
    const described = await schedule().describe();
    // Every day at 00:00:30 in Paris, and at the Paris times of New York's midnight (05:00 while only one of them is on summer time).
    expect(described.spec).toMatchObject({ timezone: PARIS, intervals: [], skip: [] });
    expect(described.spec.calendars?.map((c) => [c.hour, c.minute, c.second, c.comment])).toEqual([
      [[{ start: 0, end: 0, step: 1 }], [{ start: 0, end: 0, step: 1 }], [{ start: 30, end: 30, step: 1 }], 'midnight in Europe/Paris'],
      [[{ start: 5, end: 5, step: 1 }], [{ start: 0, end: 0, step: 1 }], [{ start: 30, end: 30, step: 1 }], 'midnight in America/New_York'],
      [[{ start: 6, end: 6, step: 1 }], [{ start: 0, end: 0, step: 1 }], [{ start: 30, end: 30, step: 1 }], 'midnight in America/New_York'],
    ]);
    expect(described.policies).toMatchObject({ overlap: 'SKIP', catchupWindow: 24 * 60 * MINUTE });
    expect(described.action).toMatchObject({ type: 'startWorkflow', workflowType: 'statusRefreshWorkflow', taskQueue: 'dunning' });
    expect(described.state.paused).toBe(false);
    expect(described.info.recentActions).toEqual([]);
    expect(described.info.nextActionTimes[0]?.getTime()).toBe(parisOverdue + 30_000);

    // 30 s after midnight in Paris, the run that follows the date's change: overdue in Paris, only due in New York (18:00 there).
    await harness.sleepUntil(parisOverdue + MINUTE);
    expect([await statusOf(inParis), await statusOf(inNewYork)]).toEqual(['overdue', 'due']);
    // 30 s after midnight in New York.
    await harness.sleepUntil(newYorkOverdue - MINUTE);
    expect(await statusOf(inNewYork)).toBe('due');
    await harness.sleepUntil(newYorkOverdue + MINUTE);
    expect(await statusOf(inNewYork)).toBe('overdue');

    // Each run says how many invoices it moved: two at Paris's midnight (New York's due date, missed before the start, caught up),
    // one at New York's, none at New York's other Paris time.
    const after = await schedule().describe();
    const actions = after.info.recentActions;
    expect([actions[0]?.scheduledAt.getTime(), actions.at(-1)?.scheduledAt.getTime()]).toEqual([parisOverdue + 30_000, newYorkOverdue + 30_000]);
    const results = await Promise.all(actions.map((a) => harness.env.client.workflow.getHandle(a.action.workflow.workflowId, a.action.workflow.firstExecutionRunId).result()));
    expect(results).toEqual([2, ...actions.slice(2).map(() => 0), 1]);

    // A second start (another API process, a restart) finds it as it should be: one schedule, not written again.
    stops.push(await startBackgroundWork(harness.app));
    const again = await schedule().describe();
    expect(again.info.lastUpdatedAt).toEqual(after.info.lastUpdatedAt);
    expect(again.info.createdAt).toEqual(after.info.createdAt);
    expect({ spec: again.spec, action: again.action, policies: again.policies, state: again.state }).toEqual({
      spec: after.spec,
      action: after.action,
      policies: after.policies,
      state: after.state,
    });
    const listed: ScheduleSummary[] = [];
    for await (const summary of harness.env.client.schedule.list()) listed.push(summary);
    expect(listed.map((s) => s.scheduleId)).toEqual([STATUS_REFRESH_SCHEDULE_ID]);
  });

  it('brings back a schedule someone changed to this version’s definition, leaving it paused if it was', async () => {
    await schedule().update((previous) => ({ ...previous, spec: { calendars: [{ hour: 3 }], timezone: PARIS }, state: { paused: true, note: 'paused by an operator' } }));
    const ensure = () => harness.app.get(StatusRefreshScheduleService).ensure();
    expect(await ensure()).toBe('updated');
    const described = await schedule().describe();
    expect(described.spec.timezone).toBe(PARIS);
    expect(described.spec.calendars?.map((c) => c.hour[0]?.start)).toEqual([0, 5, 6]);
    expect(described.state).toMatchObject({ paused: true, note: 'paused by an operator' });
    expect(await ensure()).toBe('unchanged');
  });
});
