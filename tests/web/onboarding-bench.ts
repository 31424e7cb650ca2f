/**
 * `npm run bench:onboarding [-- N]`: a company's whole ledger on day one. On the embedded stack as
 * `npm start` runs it (temporal-lite's dev server with its fsync'd journal, PGlite, the API, the
 * worker), N open invoices (default 100 000; a third already overdue) are imported from one CSV
 * over HTTP; the clock runs from the upload to the moment every invoice's workflow is started,
 * recorded on the invoice, and has run its first task (the workflow and activity task queues of
 * temporal-lite hold nothing). Prints the phases, starts per second, the gRPC ceiling of this
 * machine measured in the same run and the share of it the onboarding used, and the processes'
 * memory. Not a test: figures for docs/performance.md. `BENCH_NODE_OPTIONS` goes to the stack's processes.
 */
import { execFileSync } from 'node:child_process';
import { readlinkSync } from 'node:fs';
import { measureGrpcCeiling } from '@dunning/temporal-lite/bench/grpc-ceiling';
import { Stack } from './stack';

const N = Number(process.argv[2] ?? process.env.BENCH_N ?? 100_000);
const INVOICES_PER_CUSTOMER = 4;
const DAY = 86_400_000;
const isoDate = (ms: number) => new Date(ms).toISOString().slice(0, 10);

/** N invoices of N/4 customers: a third overdue by 1–60 days, the rest due within 60 days. */
function ledger(now: number): string {
  const lines = ['invoice_number,issue_date,due_date,amount,currency,customer_reference,customer_name,customer_email,customer_address'];
  for (let i = 0; i < N; i++) {
    const customer = Math.floor(i / INVOICES_PER_CUSTOMER);
    const due = i % 3 === 0 ? now - (1 + (i % 60)) * DAY : now + (1 + (i % 60)) * DAY;
    lines.push(
      `ON-${i},${isoDate(due - 30 * DAY)},${isoDate(due)},${(100 + (i % 5000)).toFixed(2)},EUR,C-ON-${customer},Client ${customer},c${customer}@example.com,1 rue A|75001 Paris`,
    );
  }
  return lines.join('\n');
}

/**
 * Resident memory, in MB, of the stack's processes (every descendant of `npm start`: each service
 * leads a process group of its own) whose "working directory|command line" matches.
 */
function rssMb(stack: Stack, pattern: RegExp): number {
  const rows = execFileSync('ps', ['-eo', 'pid=,ppid=,rss=,args='], { encoding: 'utf8' })
    .split('\n')
    .filter(Boolean)
    .map((line) => {
      const [pid, ppid, rss, ...args] = line.trim().split(/\s+/);
      return { pid: Number(pid), ppid: Number(ppid), rss: Number(rss), args: args.join(' ') };
    });
  const descendants = new Set([stack.processGroup]);
  for (let grown = true; grown;) {
    grown = false;
    for (const row of rows) {
      if (!descendants.has(row.ppid) || descendants.has(row.pid)) continue;
      descendants.add(row.pid);
      grown = true;
    }
  }
  const cwd = (pid: number) => {
    try {
      return readlinkSync(`/proc/${pid}/cwd`);
    } catch {
      return '';
    }
  };
  return rows.filter((row) => descendants.has(row.pid) && pattern.test(`${cwd(row.pid)}|${row.args}`)).reduce((sum, row) => sum + row.rss, 0) / 1024;
}

async function main(): Promise<void> {
  const { callsPerSecond: ceiling } = await measureGrpcCeiling(100, 3_000);
  console.log(`[bench] gRPC ceiling on this machine: ${Math.round(ceiling)} calls/s`);
  // BENCH_NODE_OPTIONS: for the stack's processes (a `--require` of a profiler, say).
  const stack = await Stack.start({ mode: 'dev', env: process.env.BENCH_NODE_OPTIONS ? { NODE_OPTIONS: process.env.BENCH_NODE_OPTIONS } : {} });
  try {
    const temporal = await stack.temporalConnection();
    const backlog = async () => {
      let total = 0;
      for (const taskQueueType of [1, 2]) {
        const described = await temporal.workflowService.describeTaskQueue({ namespace: 'default', taskQueue: { name: 'dunning' }, taskQueueType, reportStats: true });
        total += Number(described.stats?.approximateBacklogCount ?? 0);
      }
      return total;
    };
    // Started: the invoice workflows temporal-lite holds (its visibility count).
    const started = async () => Number((await temporal.workflowService.countWorkflowExecutions({ namespace: 'default', query: `WorkflowType = 'invoiceWorkflow'` })).count ?? 0);

    const file = ledger(Date.now());
    const login = await fetch(`${stack.baseUrl}/api/auth/login`, {
      method: 'POST',
      headers: { 'Content-Type': 'application/json' },
      body: JSON.stringify({ email: 'manager@example.com', password: 'browser-tests-password' }),
    });
    const { token } = (await login.json()) as { token: string };
    const form = new FormData();
    form.append('file', new Blob([file]), 'ledger.csv');
    const t0 = performance.now();
    const seconds = () => (performance.now() - t0) / 1000;
    const imported = await fetch(`${stack.baseUrl}/api/invoices/import?wait=true`, { method: 'POST', headers: { Authorization: `Bearer ${token}` }, body: form });
    const result = (await imported.json()) as { status: string; insertedInvoices: number };
    if (result.status !== 'succeeded' || result.insertedInvoices !== N) throw new Error(`import: ${JSON.stringify(result).slice(0, 500)}`);
    const importSeconds = seconds();
    console.log(`[bench] ${N} invoices imported in ${importSeconds.toFixed(1)} s`);

    let allStartedAt = 0;
    let quiet = 0;
    let last = 0;
    // Starts that stop moving for a minute while some are missing: say what the stack said, and stop.
    let progress = { count: -1, at: performance.now() };
    const deadline = t0 + 30 * 60_000;
    for (;;) {
      const count = await started();
      if (count >= N && !allStartedAt) allStartedAt = seconds();
      if (count !== progress.count) progress = { count, at: performance.now() };
      else if (count < N && performance.now() - progress.at > 60_000) {
        throw new Error(`starts stalled at ${count} of ${N}; the stack's last words:\n${stack.logs().slice(-6000)}`);
      }
      const waiting = await backlog();
      if (Math.floor(seconds() / 10) !== last) {
        last = Math.floor(seconds() / 10);
        console.log(`[bench] ${seconds().toFixed(0)} s: ${count} started, ${waiting} tasks waiting in temporal-lite`);
      }
      quiet = allStartedAt && waiting === 0 ? quiet + 1 : 0;
      if (quiet >= 2) break;
      if (performance.now() > deadline) throw new Error(`not done after 30 minutes: ${count} started, ${waiting} tasks waiting`);
      await new Promise((resolve) => setTimeout(resolve, 500));
    }
    const total = seconds() - 0.5;
    const startSeconds = allStartedAt - importSeconds;
    // What the onboarding asked of temporal-lite: a start per workflow, and for its first workflow
    // task a poll and a completion (the overdue third also send, which is not counted here).
    const rpcs = N * 3;
    console.log('\n| invoices | import s | starts s (starts/s) | all first tasks done s | ≈ RPC/s (share of the gRPC ceiling) | temporal-lite RSS MB | worker RSS MB |');
    console.log('|---|---|---|---|---|---|---|');
    console.log(
      `| ${N} | ${importSeconds.toFixed(1)} | ${startSeconds.toFixed(1)} (${Math.round(N / startSeconds)}) | ${total.toFixed(1)} | ${Math.round(rpcs / (total - importSeconds))} (${Math.round(
        (100 * rpcs) / (total - importSeconds) / ceiling,
      )} % of ${Math.round(ceiling)}) | ${rssMb(stack, /^[^|]*\|\S*node .*temporal-lite/).toFixed(0)} | ${rssMb(stack, /apps\/worker\|\S*node /).toFixed(0)} |`,
    );
  } finally {
    await stack.stop();
  }
}

main().then(
  () => process.exit(0),
  (error: unknown) => {
    console.error(error);
    process.exit(1);
  },
);
