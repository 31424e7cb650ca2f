import { isNull, like } from 'drizzle-orm';
import { InvoicesRepository, exceptions, invoices } from '@dunning/db';
import { WorkflowStarterService } from '@dunning/api/src/dunning/workflow-starter.service';
import { startMissingWorkflows } from '@dunning/api/src/create-app';
import { ApiHarness, datePlus } from './api-env';

/**
 * An import's workflows are started after its commit, a page at a time, and each page's workflows
 * are recorded on the invoices after its starts. An API that dies mid-way leaves three kinds of
 * invoices: started and recorded, started but not recorded, not started at all. The next pass (at
 * boot) must start the last kind, find the second kind already running, and start nothing twice.
 */
describe('workflow starts after an import survive a crash of the API', () => {
  let harness: ApiHarness;
  let manager: string;
  let today: string;

  beforeAll(async () => {
    harness = await ApiHarness.start();
    manager = await harness.login('manager@example.com');
    today = await harness.today();
  });
  afterAll(async () => harness?.stop());

  const file = (prefix: string, count: number) =>
    [
      'invoice_number,issue_date,due_date,amount,currency,customer_reference,customer_name,customer_email,customer_address',
      ...Array.from(
        { length: count },
        (_, i) =>
          `${prefix}-${i},${today},${datePlus(today, 20 + (i % 5))},${100 + i}.00,EUR,C-${prefix}-${Math.floor(i / 3)},Client ${prefix} ${Math.floor(i / 3)},c${i}@example.com,1 rue A|75001 Paris`,
      ),
    ].join('\n');
  const importFile = async (content: string) =>
    harness
      .http()
      .post('/api/invoices/import?wait=true')
      .set({ Authorization: `Bearer ${manager}` })
      .attach('file', Buffer.from(content), 'invoices.csv')
      .expect(202);

  it('starts the forgotten ones, finds the unrecorded ones running, and starts nothing twice', async () => {
    // 1. An import whose starts all went through (more than one page of them).
    await importFile(file('CR-A', 620));
    await startMissingWorkflows(harness.app);
    // 2. The API died after starting some of them and before recording it: their workflows run, the invoices do not say so.
    const unrecorded = await harness.database.db
      .update(invoices)
      .set({ workflowId: null, flowId: null, flowVersion: null })
      .where(like(invoices.number, 'CR-A-1%'))
      .returning({ id: invoices.id });
    expect(unrecorded.length).toBeGreaterThan(100);
    // 3. …and before starting any of another import's: the pass that follows its commit never ran.
    const starter = harness.app.get(WorkflowStarterService);
    jest.spyOn(starter, 'startMissing').mockResolvedValueOnce(0);
    await importFile(file('CR-B', 230));
    expect(await harness.database.db.select({ id: invoices.id }).from(invoices).where(isNull(invoices.workflowId))).toHaveLength(unrecorded.length + 230);

    // The next boot's pass, whose first page record fails once (the database dropped the query): the page is tried again.
    jest.spyOn(harness.app.get(InvoicesRepository), 'recordWorkflowsStarted').mockRejectedValueOnce(new Error('portal "" does not exist'));
    const started = await startMissingWorkflows(harness.app);
    expect(started).toBe(unrecorded.length + 230);

    const rows = await harness.database.db
      .select({ id: invoices.id, number: invoices.number, workflowId: invoices.workflowId })
      .from(invoices)
      .where(like(invoices.number, 'CR-%'));
    expect(rows).toHaveLength(850);
    expect(rows.filter((row) => row.workflowId !== `invoice-${row.id}`)).toEqual([]);
    // One run per invoice in Temporal: none started twice, none forgotten.
    const runs = new Map<string, number>();
    for await (const execution of harness.env.client.workflow.list({ query: `WorkflowType = 'invoiceWorkflow'` })) {
      runs.set(execution.workflowId, (runs.get(execution.workflowId) ?? 0) + 1);
    }
    const ours = rows.map((row) => runs.get(`invoice-${row.id}`) ?? 0);
    expect(ours.filter((count) => count !== 1)).toEqual([]);
    expect(await harness.database.db.select().from(exceptions).where(like(exceptions.dedupeKey, 'start:%'))).toEqual([]);
  });
});
