import { WorkflowStarterService } from '@dunning/api/src/dunning/workflow-starter.service';
import { ApiHarness } from './api-env';

const LINES = 20_000;
const FINAL = ['succeeded', 'rejected', 'failed'];

/**
 * A large import does not block the API: while a 20 000-line file is read, validated and written,
 * other requests are answered, and the job reports its progress. No timing threshold: the test
 * counts requests answered before the import ended, which a blocked event loop would answer only
 * after it. (`npm run bench:api` measures the latencies, on 100 000 lines.)
 */
describe('a large import does not block the API', () => {
  let harness: ApiHarness;
  let manager: string;
  beforeAll(async () => {
    harness = await ApiHarness.start();
    manager = await harness.login('manager@example.com');
    // What is measured is the import; starting 20 000 workflows afterwards is other tests' business.
    jest.spyOn(harness.app.get(WorkflowStarterService), 'startMissing').mockResolvedValue(0);
  });
  afterAll(async () => harness?.stop());

  it('answers other requests while the import runs, and reports its progress', async () => {
    const header = 'invoice_number,issue_date,due_date,amount,currency,customer_reference,customer_name,customer_email';
    const lines = Array.from(
      { length: LINES },
      (_, i) => `LAT-${i},2026-03-01,2026-04-01,${(100 + (i % 5000)).toFixed(2)},EUR,C-LAT-${i % 2000},Customer ${i % 2000},c${i % 2000}@example.com`,
    );
    const file = Buffer.from([header, ...lines].join('\n'));

    // GET /api/health over and over, each answer time-stamped, from before the upload to after the import.
    const answered: number[] = [];
    let probing = true;
    const probe = (async () => {
      while (probing) {
        await harness.http().get('/api/health').expect(200);
        answered.push(performance.now());
      }
    })();
    while (answered.length === 0) await new Promise((resolve) => setTimeout(resolve, 5));

    const uploaded = performance.now();
    const accepted = await harness.http().post('/api/invoices/import').set('Authorization', `Bearer ${manager}`).attach('file', file, 'big.csv').expect(202);
    const acceptedAt = performance.now();
    // The job's state, polled until it ends (these polls are themselves requests answered meanwhile).
    const polls: Array<{ status: string; processedRows: number }> = [];
    while (!FINAL.includes(polls.at(-1)?.status ?? accepted.body.status)) {
      await new Promise((resolve) => setTimeout(resolve, 50));
      const { body } = await harness.http().get(`/api/imports/${accepted.body.id}`).set('Authorization', `Bearer ${manager}`).expect(200);
      polls.push({ status: body.status, processedRows: body.processedRows });
    }
    const ended = performance.now();
    probing = false;
    await probe;

    expect(polls.at(-1)).toMatchObject({ status: 'succeeded', processedRows: LINES });
    const final = await harness.http().get(`/api/imports/${accepted.body.id}`).set('Authorization', `Bearer ${manager}`).expect(200);
    expect(final.body).toMatchObject({ status: 'succeeded', totalRows: LINES, processedRows: LINES, insertedInvoices: LINES });
    // Progress while it ran: a poll saw part of the lines counted, and the count never went back.
    expect(polls.some((p) => !FINAL.includes(p.status) && p.processedRows > 0 && p.processedRows < LINES)).toBe(true);
    const counts = polls.map((p) => p.processedRows);
    expect(counts).toEqual([...counts].sort((a, b) => a - b));
    // Other requests answered between the upload and the end of the import, not queued behind it:
    // a blocked event loop would answer at most the one request in flight before the end.
    const whileImporting = answered.filter((at) => at > uploaded && at < ended).length;
    const inTheBackground = answered.filter((at) => at > acceptedAt && at < ended).length;
    console.log(`import of ${LINES} lines: ${polls.length} progress polls; GET /api/health answered ${whileImporting} times while it ran (${inTheBackground} after the 202)`);
    expect(whileImporting).toBeGreaterThanOrEqual(5);
    expect(inTheBackground).toBeGreaterThanOrEqual(3);
  }, 300_000);
});
