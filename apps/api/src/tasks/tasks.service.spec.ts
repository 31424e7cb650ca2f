import { UnprocessableEntityException } from '@nestjs/common';
import { localToday } from '@dunning/domain';
import type { CallTasksRepository, CustomersRepository, DatabaseHandle, MessagesRepository } from '@dunning/db';
import type { ReceivablesService } from '@dunning/receivables';
import { loadApiConfig } from '../config/api-config';
import type { DunningActionsService } from '../dunning/dunning-actions.service';
import { TasksService } from './tasks.service';

const NOW = new Date('2027-03-10T23:30:00Z'); // already the 11th in Paris
const PARIS_TODAY = localToday(NOW, 'Europe/Paris');

/** A claimed task covering two invoices (the older one due first), every port a fake. */
function serviceWithFakes() {
  const invoices = [
    { id: 'inv-old', customerId: 'cust-1', balance: 300_00, dueDate: '2027-01-10' },
    { id: 'inv-new', customerId: 'cust-1', balance: 500_00, dueDate: '2027-02-10' },
  ];
  const tasks = {
    findById: jest.fn(async () => ({ id: 'task-1', status: 'claimed', claimedBy: 'collector-1', customerId: 'cust-1' })),
    waitingInvoices: jest.fn(async () => invoices.map((invoice) => ({ invoice, link: { taskId: 'task-1' } }))),
    complete: jest.fn(async () => invoices.map((i) => ({ invoiceId: i.id, workflowId: `invoice-${i.id}`, nodeId: 'call' }))),
  };
  const customers = { findById: jest.fn(async () => ({ id: 'cust-1', timeZone: 'Europe/Paris' })) };
  const receivables = { recordPromise: jest.fn(async (_promise: { invoiceId: string; amount: number }) => ({})), openDispute: jest.fn(async () => ({})) };
  const dunning = { callOutcomes: jest.fn(async () => undefined), flush: jest.fn(async () => undefined) };
  const database = { db: { transaction: jest.fn(async (run: (tx: unknown) => Promise<unknown>) => run({})) } };
  const service = new TasksService(
    database as unknown as DatabaseHandle,
    loadApiConfig({}),
    tasks as unknown as CallTasksRepository,
    customers as unknown as CustomersRepository,
    {} as MessagesRepository,
    receivables as unknown as ReceivablesService,
    dunning as unknown as DunningActionsService,
  );
  return { service, tasks, receivables, dunning, database };
}

const refusal = async (promise: Promise<unknown>) => {
  const error = await promise.then(
    () => undefined,
    (e: unknown) => e,
  );
  expect(error).toBeInstanceOf(UnprocessableEntityException);
  return (error as UnprocessableEntityException).getResponse() as { problems: Array<{ field: string }> };
};

describe('completing a call with a promise', () => {
  it('shares the promise out over the invoices, oldest due first', async () => {
    const { service, receivables, dunning } = serviceWithFakes();
    await expect(service.complete('task-1', 'collector-1', { outcome: 'promise_to_pay', promise: { date: PARIS_TODAY, amount: 400_00 } }, NOW)).resolves.toBe(true);
    expect(receivables.recordPromise.mock.calls.map(([call]) => [call.invoiceId, call.amount])).toEqual([
      ['inv-old', 300_00],
      ['inv-new', 100_00],
    ]);
    const outcomes = (dunning.callOutcomes.mock.calls[0] as unknown as [Array<{ invoiceId: string; promise?: { amount: number } }>])[0];
    expect(outcomes.map((o) => [o.invoiceId, o.promise?.amount])).toEqual([
      ['inv-old', 300_00],
      ['inv-new', 100_00],
    ]);
  });

  it('refuses a promise dated before today in the customer’s calendar (422 naming promise.date), writing nothing', async () => {
    const { service, tasks, receivables, database } = serviceWithFakes();
    const yesterday = new Date(Date.parse(`${PARIS_TODAY}T00:00:00Z`) - 86_400_000).toISOString().slice(0, 10);
    const response = await refusal(service.complete('task-1', 'collector-1', { outcome: 'promise_to_pay', promise: { date: yesterday, amount: 100_00 } }, NOW));
    expect(response.problems.map((p) => p.field)).toEqual(['promise.date']);
    expect((await refusal(service.complete('task-1', 'collector-1', { outcome: 'promise_to_pay', promise: { date: '2020-01-01', amount: 100_00 } }, NOW))).problems).toHaveLength(
      1,
    );
    expect(receivables.recordPromise).not.toHaveBeenCalled();
    expect(tasks.complete).not.toHaveBeenCalled();
    expect(database.db.transaction).not.toHaveBeenCalled();
  });

  it('refuses a promise above what the call’s invoices owe together (422 naming promise.amount), writing nothing', async () => {
    const { service, tasks, receivables } = serviceWithFakes();
    const response = await refusal(service.complete('task-1', 'collector-1', { outcome: 'promise_to_pay', promise: { date: PARIS_TODAY, amount: 800_01 } }, NOW));
    expect(response.problems.map((p) => p.field)).toEqual(['promise.amount']);
    expect(receivables.recordPromise).not.toHaveBeenCalled();
    expect(tasks.complete).not.toHaveBeenCalled();
    // Exactly what they owe is fine.
    await expect(service.complete('task-1', 'collector-1', { outcome: 'promise_to_pay', promise: { date: PARIS_TODAY, amount: 800_00 } }, NOW)).resolves.toBe(true);
  });

  it('answers false (409) for a task the collector does not hold, before looking at the promise', async () => {
    const { service, tasks, receivables } = serviceWithFakes();
    tasks.findById.mockResolvedValueOnce({ id: 'task-1', status: 'claimed', claimedBy: 'someone-else', customerId: 'cust-1' });
    await expect(service.complete('task-1', 'collector-1', { outcome: 'promise_to_pay', promise: { date: '2020-01-01', amount: 1 } }, NOW)).resolves.toBe(false);
    expect(receivables.recordPromise).not.toHaveBeenCalled();
  });
});
