/**
 * `npm run bench:web`: what each route downloads (gzipped JavaScript, from the build's manifest),
 * and is the flow editor still interactive with 300 steps? In Debian's Chromium,
 * against `npm start`, it opens a 30-step flow (the baseline, in the same run) and a 300-step one,
 * and measures the time to render the canvas and the frame times while a step is dragged.
 * Not a test: it prints figures for docs/performance.md.
 */
import path from 'node:path';
import { builtRouteBundles } from './bundle-sizes';
import { Stack, launchBrowser, signIn } from './stack';

/** A collector's first screen must stay light (issue 14): the budget the table compares against. */
const FIRST_PAGE_BUDGET_KB = 300;

interface Figures {
  steps: number;
  renderMs: number;
  frames: number;
  p50: number;
  p95: number;
  max: number;
}

function chainFlow(name: string, steps: number) {
  const nodes: Array<Record<string, unknown>> = [{ id: 'start', kind: 'start', data: {}, position: { x: 0, y: 0 } }];
  const edges: Array<Record<string, unknown>> = [];
  let previous = 'start';
  for (let i = 1; i < steps - 1; i++) {
    const id = `s${i}`;
    const column = Math.floor(i / 30);
    const row = i % 30;
    const kind = i % 2 === 1 ? 'wait' : 'email';
    const data = kind === 'wait' ? { anchor: 'previous_step', offsetDays: 2, dayType: 'calendar' } : { template: 'reminder-1', recipient: 'billing', attachInvoice: false };
    nodes.push({ id, kind, data, position: { x: column * 300, y: row * 130 } });
    edges.push({ id: `${previous}->${id}`, source: previous, target: id });
    previous = id;
  }
  nodes.push({ id: 'end', kind: 'end', data: {}, position: { x: Math.floor(steps / 30) * 300, y: 30 * 130 } });
  edges.push({ id: `${previous}->end`, source: previous, target: 'end' });
  return {
    schemaVersion: 1,
    id: name,
    name,
    locales: ['fr', 'en'],
    batchPerCustomer: true,
    sendingWindow: { start: '09:00', end: '18:00', weekdays: [1, 2, 3, 4, 5], skipHolidays: true },
    nodes,
    edges,
  };
}

function percentile(sorted: number[], p: number): number {
  return sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))] ?? 0;
}

function printBundleSizes(): void {
  // Stack.start() below builds the app when its sources changed; the manifest read here is that build's.
  const bundles = builtRouteBundles(path.resolve(__dirname, '../../apps/web'));
  const kb = (bytes: number) => (bytes / 1024).toFixed(1);
  const entry = Math.min(...bundles.map((b) => b.jsGzipBytes));
  console.log(
    "\nJavaScript per route (gzip -9 of the built chunks a first visit downloads: the entry, the route's own chunks and the heavier language's words, each counted once)",
  );
  console.log('| route | page | KB gzipped | beyond the lightest route | files |');
  console.log('|---|---|---|---|---|');
  for (const b of bundles) console.log(`| ${b.route} | ${b.page} | ${kb(b.jsGzipBytes)} | +${kb(b.jsGzipBytes - entry)} | ${b.files.length} |`);
  const queue = bundles.find((b) => b.route === '/queue');
  if (queue)
    console.log(
      `a collector's first page (/queue): ${kb(queue.jsGzipBytes)} KB gzipped, budget ${FIRST_PAGE_BUDGET_KB} KB: ${queue.jsGzipBytes <= FIRST_PAGE_BUDGET_KB * 1024 ? 'within' : 'OVER'}`,
    );
}

async function main(): Promise<void> {
  const stack = await Stack.start();
  printBundleSizes();
  const browser = await launchBrowser();
  try {
    const page = await signIn(browser, stack, 'manager@example.com');
    const api = await stack.api('manager@example.com');
    const results: Figures[] = [];
    for (const steps of [30, 300, 30, 300]) {
      const graph = chainFlow(`bench-${steps}-${results.length}`, steps);
      const created = await api<{ id: string }>('POST', '/api/flows', { name: graph.name, graph });

      // Time to render: from navigation to the first frame with the cards in view drawn.
      const started = Date.now();
      await page.goto(`/flows/${created.id}`);
      // The canvas draws only the cards in view (onlyRenderVisibleElements): wait for the card dragged below.
      await page.locator('.react-flow__node[data-id="s5"]').waitFor({ timeout: 60_000 });
      await page.evaluate(() => new Promise((resolve) => requestAnimationFrame(() => requestAnimationFrame(resolve))));
      const renderMs = Date.now() - started;

      // Frame times while dragging a step across the canvas.
      await page.evaluate(() => {
        const w = window as unknown as { frames: number[]; recording: boolean };
        w.frames = [];
        w.recording = true;
        let last = performance.now();
        const tick = (now: number) => {
          w.frames.push(now - last);
          last = now;
          if (w.recording) requestAnimationFrame(tick);
        };
        requestAnimationFrame(tick);
      });
      const box = (await page.locator('.react-flow__node[data-id="s5"]').boundingBox())!;
      await page.mouse.move(box.x + box.width / 2, box.y + 8);
      await page.mouse.down();
      for (let i = 1; i <= 120; i++) await page.mouse.move(box.x + box.width / 2 + i * 2, box.y + 8 + Math.sin(i / 10) * 40);
      await page.mouse.up();
      const frames = await page.evaluate(() => {
        const w = window as unknown as { frames: number[]; recording: boolean };
        w.recording = false;
        return w.frames.slice(2);
      });
      const sorted = [...frames].sort((a, b) => a - b);
      results.push({ steps, renderMs, frames: frames.length, p50: percentile(sorted, 50), p95: percentile(sorted, 95), max: sorted.at(-1) ?? 0 });
      console.log(`[bench] ${steps} steps: rendered in ${renderMs} ms, ${frames.length} frames while dragging`);
    }
    // The first pass warms the browser and the server; the second is reported.
    const reported = results.slice(2);
    console.log('\nflow editor benchmark (Chromium headless, 1440×900, software rendering; second of two passes)');
    console.log('| steps | time to render ms | frames while dragging | frame ms p50 / p95 / max | ≈ fps at p50 |');
    console.log('|---|---|---|---|---|');
    for (const r of reported)
      console.log(`| ${r.steps} | ${r.renderMs} | ${r.frames} | ${r.p50.toFixed(1)} / ${r.p95.toFixed(1)} / ${r.max.toFixed(1)} | ${(1000 / r.p50).toFixed(0)} |`);
    const [base, big] = reported as [Figures, Figures];
    console.log(`300 vs 30 steps: render ×${(big.renderMs / base.renderMs).toFixed(2)}, drag frame p95 ×${(big.p95 / base.p95).toFixed(2)}`);
  } finally {
    await browser.close();
    await stack.stop();
  }
}

main().catch((error) => {
  console.error(error);
  process.exit(1);
});
