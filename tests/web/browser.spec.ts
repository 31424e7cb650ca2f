import { mkdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { standardFlowPlan } from '@dunning/tests/fixtures/standard-flow-plan';
import { expectCleared, expectDisabled, expectText, wire } from './page-checks';
import { SCREENSHOTS, Stack, launchBrowser, signIn } from './stack';
import { handoffFlow } from './flow-fixtures';

/**
 * The product in a browser (Debian's Chromium driven by Playwright) against `npm start`, as its
 * three kinds of users work it. One stack for the file: starting it is the slow part.
 */
jest.setTimeout(300_000);

const DAY = 86_400_000;
const HOUR = 3_600_000;
const isoDate = (ms: number) => new Date(ms).toISOString().slice(0, 10);

describe('the web app, in Chromium, on npm start', () => {
  let stack: Stack;
  let browser: Browser;

  beforeAll(async () => {
    mkdirSync(SCREENSHOTS, { recursive: true });
    stack = await Stack.start();
    browser = await launchBrowser();
  }, 300_000);
  afterAll(async () => {
    await browser?.close();
    await stack?.stop();
  });

  /** Drags a step from the palette onto the canvas at (x, y) of the canvas. */
  async function dropStep(page: Page, kind: string, x: number, y: number) {
    await page.getByTestId(`palette-${kind}`).dragTo(page.locator('.react-flow__pane'), { targetPosition: { x, y } });
  }

  it('lets a credit manager build a flow by drag and drop, fix what validation shows, publish, assign and simulate it', async () => {
    const page = await signIn(browser, stack, 'manager@example.com');
    await page.getByRole('link', { name: 'Flows' }).click();
    await page.getByTestId('new-flow-name').fill('Browser flow');
    await page.getByTestId('new-flow').click();
    await page.getByTestId('step-start').waitFor();

    await dropStep(page, 'wait', 60, 130);
    await dropStep(page, 'email', 60, 250);
    await dropStep(page, 'call_task', 60, 380);
    await dropStep(page, 'escalate', 60, 540);
    await dropStep(page, 'end', 330, 650);
    for (const id of ['wait', 'email', 'call-task', 'escalate', 'end']) await page.getByTestId(`step-${id}`).waitFor();
    // Dropped where the hand let go, cards overlap: Tidy up spreads them before the wiring.
    await page.getByTestId('auto-layout').click();
    await page.waitForTimeout(500);

    await wire(page, 'start', 'next', 'wait');
    await wire(page, 'wait', 'next', 'email');
    await wire(page, 'email', 'next', 'call-task');
    await wire(page, 'call-task', 'no_answer', 'escalate');
    await wire(page, 'call-task', 'sla_expired', 'escalate');
    await wire(page, 'escalate', 'next', 'end');
    for (const outcome of ['promise_to_pay', 'dispute', 'paid']) await wire(page, 'call-task', outcome, 'end');

    // One outcome is still loose: the call task says so, on the card itself.
    await expectText(page.getByTestId('problem-text-call-task'), /^Outcome “wrong_contact” is not connected\.$/);
    await expectDisabled(page.getByTestId('publish'));
    await wire(page, 'call-task', 'wrong_contact', 'end');
    await expectText(page.getByTestId('problem-count'), /Valid/);
    await page.getByTestId('auto-layout').click();
    await page.getByTestId('undo').click();
    await page.getByTestId('redo').click();
    await expectText(page.getByTestId('save-state'), /Draft saved/);
    await page.screenshot({ path: path.join(SCREENSHOTS, 'editor.png') });

    await page.getByTestId('publish').click();
    await page.getByText('Published version 1').waitFor();

    await page.getByTestId('tab-versions').click();
    await page.getByTestId('assign-segment').fill('browser');
    await page.getByTestId('assign').click();
    await expectText(page.getByTestId('assignment-rule'), /browser/);

    // Due Monday 1 March 2027: the wait is D+3 at 09:00, Thursday 4 March, Paris time; the call
    // task at once; its 48-hour SLA lapses Saturday 6 March, and the case goes to the agency.
    await page.getByTestId('tab-simulate').click();
    await page.getByTestId('simulate-due-date').fill('2027-03-01');
    await page.getByTestId('run-simulation').click();
    const timeline = page.getByTestId('simulation-timeline');
    await expectText(timeline.locator('[data-testid="simulation-step"][data-node-id="email"]').first(), /Thu, Mar 4, 2027, 09:00/);
    await expectText(timeline.locator('[data-testid="simulation-step"][data-node-id="escalate"]').first(), /Sat, Mar 6, 2027, 09:00/);
    // The path taken shows on the canvas: the steps it went through, not the ones it skipped.
    await page.getByTestId('simulation-path-shown').waitFor();
    expect(
      await page
        .locator('.react-flow__node[data-testid="flow-node-escalate"] [data-highlighted="true"], .react-flow__node[data-testid="flow-node-escalate"][data-highlighted="true"]')
        .count(),
    ).toBeGreaterThan(0);
    await page.context().close();
  });

  it('offers the court steps in plain words: a simplified procedure from the palette, its form in French, then in English', async () => {
    const page = await signIn(browser, stack, 'manager@example.com');
    await page.getByText('FR', { exact: true }).click();
    await page.getByRole('link', { name: 'Scénarios' }).click();
    await page.getByTestId('new-flow-name').fill('Procédures');
    await page.getByTestId('new-flow').click();
    await page.getByTestId('step-start').waitFor();

    const palette = page.getByTestId('palette-simplified_procedure');
    await expectText(palette, /^Procédure simplifiée$/);
    await palette.press('Enter');
    const card = page.getByTestId('step-simplified-procedure');
    await expectText(card, /Procédure simplifiée — 30 jours pour répondre/);
    await expectText(card, /Acceptée.*Refusée.*Sans réponse/);
    const days = page.getByRole('textbox', { name: 'Jours pour répondre' });
    expect(await days.inputValue()).toBe('30');
    await page
      .getByText(/CPCE L125-1, R125-1 et suivants/)
      .first()
      .waitFor();

    await page.getByText('EN', { exact: true }).click();
    await page.getByRole('textbox', { name: 'Days to answer' }).waitFor();
    await expectText(card, /Simplified procedure — 30 days to answer/);
    await expectText(card, /Accepted.*Refused.*No answer/);
    await page.context().close();
  });

  let today = 0;
  /** When the standard flow acts on the imported invoices: weekends and holidays move it. */
  let plan: (nodeId: string) => number;
  it('imports a CSV with progress; with time advanced, the outbox and the invoice timeline show the reminders', async () => {
    today = await stack.now();
    const due = isoDate(today + 12 * DAY);
    plan = await standardFlowPlan({ issueDate: isoDate(today), dueDate: due, amount: 800_00 }, today);
    const csv = [
      'invoice_number,issue_date,due_date,amount,currency,customer_reference,customer_name,customer_email,customer_phone,customer_risk_score,customer_address',
      `WEB-1,${isoDate(today)},${due},1200.00,EUR,C-WEB-1,Boulangerie Martin,compta@martin.example,06 12 34 56 78,5,1 rue A|75001 Paris`,
      `WEB-2,${isoDate(today)},${due},800.00,EUR,C-WEB-2,Garage Dupont,garage@dupont.example,06 98 76 54 32,5,2 rue B|69002 Lyon`,
    ].join('\n');
    const page = await signIn(browser, stack, 'manager@example.com');
    await page.getByRole('link', { name: 'Invoices', exact: true }).click();
    await page.getByTestId('import-file').click();
    await page.locator('input[type="file"]').setInputFiles({ name: 'invoices.csv', mimeType: 'text/csv', buffer: Buffer.from(csv) });
    await page.getByTestId('import-submit').click();
    await page.getByTestId('import-progress').waitFor();
    await expectText(page.getByTestId('import-result'), /Imported 2 invoices/);
    await expectText(page.getByTestId('invoice-table'), /WEB-1[\s\S]*|WEB-2/);
    await expectText(page.getByTestId('invoice-table'), /Garage Dupont/);

    // Past the pre-reminder (D-5 business days) and reminder 1 (D+2, or the next business day).
    await stack.advance(plan('reminder-1') + 3 * HOUR - (await stack.now()));
    await page.getByRole('link', { name: 'Outbox' }).click();
    // A bound, not a target: in CI the stack shares two cores with the other suites (a run once took over 60 s here).
    await expectText(page.locator('body'), /reminder-1/, 150_000);
    await expectText(page.locator('body'), /pre-reminder/);
    await page.getByRole('link', { name: 'Invoices', exact: true }).click();
    await page.getByRole('link', { name: 'WEB-1' }).click();
    await expectText(page.getByTestId('invoice-timeline'), /reminder-1/);
    await page.getByRole('link', { name: 'Dashboard' }).click();
    await page.getByTestId('outstanding').getByText(/€/).first().waitFor();
    await page.waitForTimeout(500); // charts animate in
    await page.screenshot({ path: path.join(SCREENSHOTS, 'dashboard.png') });
    // Each bar opens the invoices behind it: WEB-1 and WEB-2 share the only bar drawn (the report is
    // as of the API's own clock, not the test server's skipped one, so which bucket is not asserted).
    await page.getByTestId('aging').locator('.recharts-bar-rectangle path').first().click();
    await page.waitForURL(/\/invoices\?(.*&)?bucket=/);
    await expectText(page.getByTestId('invoice-table'), /WEB-1/);
    await expectText(page.getByTestId('invoice-table'), /WEB-2/);
    // The legend's twin link for an empty bucket opens an empty list.
    await page.goBack();
    await page.getByRole('link', { name: /Over 90 days late/ }).click();
    await page.waitForURL(/bucket=90%2B|bucket=90\+/);
    await page.waitForFunction(() => !/WEB-1/.test(document.querySelector('[data-testid="invoice-table"]')?.textContent ?? 'WEB-1'));
    // The messages chart opens the outbox on its channel, which the outbox shows as chosen.
    await page.getByRole('link', { name: 'Dashboard' }).click();
    await page.getByTestId('messages-legend').getByRole('link', { name: 'Email' }).click();
    await page.waitForURL(/\/outbox\?channel=email/);
    expect(await page.getByTestId('outbox-channel').locator('input:checked').inputValue()).toBe('email');
    await page.getByTestId('outbox-message').first().waitFor();
    await page.context().close();
  }, 240_000);

  it('maps a column the import does not know, saves the mapping, and imports the next file with it; an unreadable file is named', async () => {
    // Due in a year, numbered apart from WEB-1/WEB-2 (links are found by name): out of the other tests' way.
    const now = await stack.now();
    const french = (ms: number) => isoDate(ms).split('-').reverse().join('/');
    const [issued, due] = [french(now), french(now + 365 * DAY)];
    const header = 'Réf. facture;Émise le;Échéance;Mt TTC;Raison sociale;Commentaire';
    const page = await signIn(browser, stack, 'manager@example.com');
    await page.getByRole('link', { name: 'Invoices', exact: true }).click();
    await expectText(page.getByTestId('import-template'), /Download the template/);
    expect(await page.getByTestId('import-template').getAttribute('href')).toBe('/api/invoices/import/template?locale=en');
    const file = page.locator('input[type="file"]');

    // Bytes that are no text: refused, the file named.
    await file.setInputFiles({ name: 'scan.csv', mimeType: 'text/csv', buffer: Buffer.from([0x00, 0x01, 0xff, 0xfe, 0x02, 0x80, 0x1b, 0x00, 0x7f]) });
    await page.getByTestId('import-submit').click();
    await expectText(page.getByTestId('import-unreadable'), /This file cannot be read[\s\S]*scan\.csv: is not a text file/);

    const first = [header, `MAPPED-1;${issued};${due};1 234,56;Crème Brûlée SARL;relancé deux fois`].join('\r\n');
    await file.setInputFiles({ name: 'compta.csv', mimeType: 'text/csv', buffer: Buffer.from(first) });
    await page.getByTestId('import-submit').click();
    const mapping = page.getByTestId('import-mapping');
    await expectText(mapping, /Which column is which\? \(compta\.csv\)/);
    await expectText(mapping.getByTestId('mapping-row-4'), /Mt TTC[\s\S]*1 234,56/);
    await expectText(page.getByTestId('mapping-missing'), /Required fields no column gives yet: Issue date, Amount incl\. VAT/);
    await expectDisabled(page.getByTestId('mapping-submit'));

    await page.getByTestId('mapping-field-2').click();
    await page.getByRole('option', { name: 'Issue date *' }).click();
    await page.getByTestId('mapping-field-4').click();
    await page.getByRole('option', { name: 'Amount incl. VAT *' }).click();
    await page.getByTestId('mapping-field-6').click();
    await page.getByRole('option', { name: 'Ignore this column' }).click();
    expect(await page.getByTestId('mapping-missing').count()).toBe(0);
    await page.getByTestId('mapping-save-as').fill('Export compta');
    await page.screenshot({ path: path.join(SCREENSHOTS, 'import-mapping.png') });
    await page.getByTestId('mapping-submit').click();
    await expectText(page.getByTestId('import-result'), /Imported 1 invoices/);
    expect(await mapping.count()).toBe(0);

    // The next export with the same columns, in another order: imported at once with the saved mapping.
    const columns = header.split(';');
    const order = [5, 4, 3, 2, 1, 0];
    const line = (number: string, amount: string) => {
      const cells = [number, issued, due, amount, 'Crème Brûlée SARL', ''];
      return order.map((i) => cells[i]).join(';');
    };
    const second = [order.map((i) => columns[i]).join(';'), line('MAPPED-2', '99,90'), line('MAPPED-3', '1 000,00')].join('\r\n');
    await file.setInputFiles({ name: 'compta-2.csv', mimeType: 'text/csv', buffer: Buffer.from(second) });
    await page.getByTestId('import-submit').click();
    await expectText(page.getByTestId('import-result'), /Imported 2 invoices/);
    expect(await mapping.count()).toBe(0);

    // Without the comment column the header is another one: the saved mapping is picked by name.
    const third = [columns.slice(0, 5).join(';'), `MAPPED-4;${issued};${due};12,00;Crème Brûlée SARL`].join('\r\n');
    await file.setInputFiles({ name: 'compta-3.csv', mimeType: 'text/csv', buffer: Buffer.from(third) });
    await page.getByTestId('import-submit').click();
    await expectText(page.getByTestId('mapping-missing'), /Issue date, Amount incl\. VAT/);
    await page.getByTestId('import-saved-mapping').click();
    await page.getByRole('option', { name: 'Export compta' }).click();
    await expectText(mapping, /Saved mapping “Export compta” applied/);
    expect(await page.getByTestId('mapping-missing').count()).toBe(0);
    await page.getByTestId('mapping-submit').click();
    await expectText(page.getByTestId('import-result'), /Imported 1 invoices/);

    const saved = await page.evaluate(() => fetch('/api/invoices/import/mappings').then((r) => r.json()));
    expect(saved).toContainEqual(
      expect.objectContaining({ name: 'Export compta', columns: expect.objectContaining({ 'emise le': 'issue_date', 'mt ttc': 'amount', commentaire: null }) }),
    );
    const listed = await page.evaluate(() => fetch('/api/invoices?pageSize=500').then((r) => r.json()));
    const imported = (listed.items as Array<{ number: string; amount: number; customerName: string }>).filter((i) => i.number.startsWith('MAPPED-'));
    expect(imported.map((i) => [i.number, i.amount, i.customerName]).sort()).toEqual([
      ['MAPPED-1', 123456, 'Crème Brûlée SARL'],
      ['MAPPED-2', 9990, 'Crème Brûlée SARL'],
      ['MAPPED-3', 100000, 'Crème Brûlée SARL'],
      ['MAPPED-4', 1200, 'Crème Brûlée SARL'],
    ]);
    await page.context().close();
  });

  it('lets a collector work a task from the queue and record a promise; the invoice shows promised, then takes a payment', async () => {
    // Just after the standard flow's D+7 call task, whose 48-hour SLA has not run out yet.
    await stack.advance(plan('call') + 3 * HOUR - (await stack.now()));
    // A collector's laptop screen: the whole outcome form must fit it.
    const page = await signIn(browser, stack, 'collector@example.com', undefined, { width: 1280, height: 720 });
    const row = page.getByTestId('task-table').locator('tr', { hasText: 'WEB-2' });
    for (let i = 0; i < 30 && (await row.count()) === 0; i++) {
      await page.waitForTimeout(1000);
      await page.reload();
    }
    await row.click();
    // The card is the claimed customer's own: its name, its invoice and amount, the script the API
    // rendered from its data — not the template's sample customer, nor the other customer's invoice.
    const card = page.getByTestId('task-card');
    await expectText(card.getByTestId('task-customer'), /^Garage Dupont$/);
    await expectText(card.getByTestId('task-invoices'), /WEB-2[\s\S]*€800\.00/);
    await expectText(card.getByTestId('task-total'), /^€800\.00$/);
    await expectText(card.getByTestId('call-script'), /Garage Dupont[\s\S]*WEB-2/);
    const cardText = (await card.textContent()) ?? '';
    for (const foreign of ['Boulangerie Martin SARL', 'F-2026-1042', 'WEB-1', 'Boulangerie Martin']) expect(cardText).not.toContain(foreign);
    await page.screenshot({ path: path.join(SCREENSHOTS, 'queue.png') });
    await page.keyboard.press('c');
    await page.getByTestId('record-outcome').waitFor();
    await page.keyboard.press('1');
    await page.getByTestId('promise-date').fill(isoDate(today + 30 * DAY));
    await page.getByTestId('outcome-notes').fill('Will pay by transfer');
    await page.getByTestId('promise-amount').fill('800.00');
    // Everything from the outcome to the record button is on screen at 1280×720, without scrolling.
    const offScreen: string[] = [];
    for (const part of ['promise-date', 'promise-amount', 'outcome-notes', 'record-outcome']) {
      const box = (await page.getByTestId(part).boundingBox())!;
      if (box.y < 0 || box.y + box.height > 720) offScreen.push(`${part} at y ${Math.round(box.y)}–${Math.round(box.y + box.height)}`);
    }
    expect(offScreen).toEqual([]);
    // Enter in a field records the outcome (no reach for the mouse), and a confirmation names the invoice.
    await page.getByTestId('promise-amount').press('Enter');
    await page.getByText('Outcome recorded for WEB-2').waitFor();
    await row.waitFor({ state: 'detached' });
    await page.context().close();

    const manager = await signIn(browser, stack, 'manager@example.com');
    await manager.getByRole('link', { name: 'Invoices', exact: true }).click();
    await manager.getByRole('link', { name: 'WEB-2' }).click();
    await expectText(manager.getByTestId('invoice-status'), /^Promised$/, 30_000);
    await expectText(manager.getByTestId('invoice-balance'), /^€800\.00$/);
    // A payment typed in euros, beyond what is owed: the rest is the customer's credit, and is said so.
    await manager.getByTestId('open-payment').click();
    await manager.getByTestId('payment-amount').fill('1 000,00');
    await manager.getByTestId('payment-submit').click();
    // Confirmed first, naming the effect; then the form clears.
    await expectText(manager.getByTestId('confirm-question'), /€1,000\.00[\s\S]*WEB-2/);
    await manager.getByTestId('confirm-action').click();
    await expectText(manager.getByTestId('action-result'), /€200\.00 was more than was owed/);
    await expectCleared(manager.getByTestId('payment-amount'));
    await expectText(manager.getByTestId('invoice-status'), /^Paid$/);
    await expectText(manager.getByTestId('customer-credit'), /€200\.00/);
    await manager.context().close();
  });

  it('shows an agency its handoff and lets it download the zip, and never another agency’s', async () => {
    const api = async (token: string, method: string, url: string, body?: unknown) => {
      const response = await fetch(`${stack.baseUrl}${url}`, {
        method,
        headers: { Authorization: `Bearer ${token}`, 'Content-Type': 'application/json' },
        body: body ? JSON.stringify(body) : undefined,
      });
      if (!response.ok) throw new Error(`${method} ${url}: ${response.status} ${await response.text()}`);
      return response.status === 204 ? undefined : response.json();
    };
    const login = await fetch(`${stack.baseUrl}/api/auth/login`, {
      method: 'POST',
      headers: { 'Content-Type': 'application/json' },
      body: JSON.stringify({ email: 'manager@example.com', password: 'browser-tests-password' }),
    });
    const token = ((await login.json()) as { token: string }).token;
    const agencies = (await api(token, 'GET', '/api/agencies')) as Array<{ id: string; name: string }>;
    const mine = agencies.find((a) => a.name === 'Recouvrement Rapide')!;
    const other = (await api(token, 'POST', '/api/agencies', { name: 'Autre Agence' })) as { id: string };
    // Two quick flows hand a case to each agency the day after the due date.
    const rules = (await api(token, 'GET', '/api/flows/assignments')) as unknown[];
    for (const [segment, agencyId] of [
      ['to-mine', mine.id],
      ['to-other', other.id],
    ] as const) {
      const graph = handoffFlow(segment, segment, agencyId);
      const flow = (await api(token, 'POST', '/api/flows', { name: segment, graph })) as { id: string };
      await api(token, 'POST', `/api/flows/${flow.id}/publish`);
      rules.unshift({ flowId: flow.id, priority: -rules.length, segment });
    }
    await api(token, 'PUT', '/api/flows/assignments', { rules });
    const now = await stack.now();
    const csv = [
      'invoice_number,issue_date,due_date,amount,currency,customer_reference,customer_name,customer_email,customer_segment,customer_address',
      `AG-MINE,${isoDate(now - 40 * DAY)},${isoDate(now - 10 * DAY)},500.00,EUR,C-AG-1,Client Mine,a@mine.example,to-mine,1 rue A|75001 Paris`,
      `AG-OTHER,${isoDate(now - 40 * DAY)},${isoDate(now - 10 * DAY)},700.00,EUR,C-AG-2,Client Other,b@other.example,to-other,1 rue B|75002 Paris`,
    ].join('\n');
    const form = new FormData();
    form.append('file', new Blob([csv]), 'agency.csv');
    const imported = await fetch(`${stack.baseUrl}/api/invoices/import?wait=true`, { method: 'POST', headers: { Authorization: `Bearer ${token}` }, body: form });
    expect(imported.status).toBe(202);

    const page = await signIn(browser, stack, 'agency@example.com');
    const rowMine = page.getByTestId('handoff-AG-MINE');
    for (let i = 0; i < 40 && (await rowMine.count()) === 0; i++) {
      await stack.advance(3_600_000);
      await page.reload();
      await page.getByTestId('handoff-table').waitFor();
    }
    await rowMine.waitFor();
    expect(await page.getByTestId('handoff-AG-OTHER').count()).toBe(0);
    // The case shows as soon as it is opened; its package (invoice copies, zip) follows shortly.
    const cases = (await api(token, 'GET', '/api/handoffs')) as Array<{ id: string; invoiceNumber: string }>;
    const mineCase = cases.find((c) => c.invoiceNumber === 'AG-MINE')!;
    // Up to two minutes: on a loaded machine (CI runs two projects' tests at once) the PDFs and the zip take a while.
    let ready = false;
    // The server's clock moves only when the test moves it: let a minute pass every 5 s of waiting, so
    // that an activity retried after a failure on a loaded machine (5 s backoff) gets its turn.
    for (let i = 0; i < 240 && !ready; i++) {
      ready = (await fetch(`${stack.baseUrl}/api/handoffs/${mineCase.id}/package`, { headers: { Authorization: `Bearer ${token}` } })).ok;
      if (ready) break;
      await new Promise((resolve) => setTimeout(resolve, 500));
      if (i % 10 === 9) await stack.advance(60_000);
    }
    expect(ready).toBe(true);
    const [download] = await Promise.all([page.waitForEvent('download', { timeout: 60_000 }), rowMine.getByTestId('download-package').click()]);
    expect(download.suggestedFilename()).toMatch(/^HO-AG-MINE-\d{8}\.zip$/);
    const file = readFileSync((await download.path())!);
    expect(file.subarray(0, 2).toString()).toBe('PK');

    // The case shows the debtor, what is owed and its history.
    await rowMine.getByTestId('case-details-toggle').click();
    await expectText(page.getByTestId('case-debtor'), /Client Mine/);
    await expectText(page.getByTestId('case-owed-now'), /€500\.00/);
    await expectText(page.getByTestId('case-history'), /Handed over/);

    // A report with money needs the agency's own reference (the same report twice counts once);
    // the form says whether the amount adds up before it is sent.
    await rowMine.getByTestId('report').click();
    await page.getByTestId('report-amount').fill('600');
    await page.getByText('That is more than the case still owes: at most €500.00.').waitFor();
    await expectDisabled(page.getByTestId('report-submit'));
    await page.getByTestId('report-amount').fill('100,00');
    await expectText(page.getByTestId('report-sum'), /^Reported €100\.00 of €500\.00 owed: €400\.00 remains\.$/);
    await expectDisabled(page.getByTestId('report-submit'));
    await page.getByTestId('report-reference').fill('RR-2026-001');
    await page.getByTestId('report-submit').click();
    await page.getByText(/Report recorded/).waitFor();
    await expectText(rowMine, /€100\.00/);
    await expectText(page.getByTestId('case-history'), /RR-2026-001/);
    // The next report starts blank.
    await rowMine.getByTestId('report').click();
    await expectCleared(page.getByTestId('report-amount'));
    await page.getByRole('dialog').getByText('Still owed on the case: €400.00').waitFor();
    await page.context().close();
  });

  it('shows a manager the exceptions inbox and the settings, in English and in French', async () => {
    const page = await signIn(browser, stack, 'manager@example.com');
    await page.getByRole('link', { name: 'Exceptions' }).click();
    await page.getByRole('heading', { name: 'Exceptions' }).waitFor();
    await page.locator('[data-testid="exception-table"], [data-testid="exceptions-empty"]').first().waitFor();
    await page.getByRole('link', { name: 'Settings' }).click();
    await page.getByRole('heading', { name: 'Settings' }).waitFor();
    await expectText(page.getByTestId('legal-rate-today'), /^Legal rate today: \d+(\.\d+)? % \(ECB rate of .+ \+ 10 points\)\.$/);
    expect(await page.getByTestId('late-rate').count()).toBeGreaterThan(0);
    expect(await page.getByTestId('provision-rate').inputValue()).toMatch(/^\d/);

    await page.getByText('FR', { exact: true }).click();
    await page.getByRole('heading', { name: 'Paramètres' }).waitFor();
    await expectText(page.getByTestId('legal-rate-today'), /^Taux légal aujourd’hui : /);
    await page.getByRole('link', { name: 'Anomalies' }).click();
    await page.getByRole('heading', { name: 'Anomalies' }).waitFor();
    await page.locator('[data-testid="exception-table"], [data-testid="exceptions-empty"]').first().waitFor();
    await page.context().close();
  });

  it('lets the admin open an account, reset its password and find both in the audit log; the user then signs in and changes the password', async () => {
    const email = 'dana.petit@example.com';
    // Passphrases that pass the policy (12+ characters, not breached, not guessable, nothing of the name or email).
    const initial = 'copper kettle drifts sideways';
    const reset = 'violet harbour swallows nine owls';
    const own = 'granite meadow tickles orange whales';
    const fieldError = (page: Page, testId: string) => page.locator(`[id="${testId}-error"]`);

    const admin = await signIn(browser, stack, 'admin@example.com');
    await admin.getByRole('link', { name: 'Users' }).click();
    await admin.getByTestId('user-admin@example.com').waitFor();
    await admin.getByTestId('new-user').click();
    await admin.getByTestId('user-email').fill(email);
    await admin.getByTestId('user-name').fill('Dana Petit');
    await admin.getByTestId('user-role').click();
    await admin.getByRole('option', { name: 'Credit manager' }).click();
    await admin.getByTestId('user-password').fill(initial);
    await admin.getByTestId('user-password-confirm').fill(initial);
    await admin.getByTestId('create-user').click();
    const row = admin.getByTestId(`user-${email}`);
    await expectText(row, /Dana Petit[\s\S]*Credit manager/);

    // The policy's refusal shows under the field it concerns, in words the UI knows.
    await row.getByTestId('reset-password').click();
    const resetInput = admin.getByTestId('reset-password-new');
    await resetInput.fill('dana petit forever');
    await admin.getByTestId('reset-password-new-confirm').fill('dana petit forever');
    await admin.getByTestId('reset-password-submit').click();
    await expectText(fieldError(admin, (await resetInput.getAttribute('id'))!), /^Must not contain the user’s name or email$/);
    await resetInput.fill(reset);
    await admin.getByTestId('reset-password-new-confirm').fill(reset);
    await admin.getByTestId('reset-password-submit').click();
    await admin.getByText(`Password of ${email} reset.`).waitFor();

    await admin.getByRole('link', { name: 'Audit log' }).click();
    const audit = admin.getByTestId('audit-table');
    await expectText(audit.locator('tr', { hasText: 'Reset a password' }).first(), new RegExp(`admin@example\\.com[\\s\\S]*id: ${email.replace(/\./g, '\\.')}[\\s\\S]*204`));
    // The body as the API kept it (jsonb orders keys its own way), the password never.
    const created = audit.locator('tr', { hasText: 'Created a user' }).first();
    await expectText(created, new RegExp(`email: ${email.replace(/\./g, '\\.')}`));
    await expectText(created, /displayName: Dana Petit/);
    await expectText(created, /password: \[redacted\]/);
    // Narrowed to the new user, who has done nothing yet.
    await admin.getByTestId('audit-user').click();
    await admin.getByRole('option', { name: email }).click();
    await admin.getByTestId('audit-empty').waitFor();
    await admin.context().close();

    // The first password no longer opens the account.
    const refused = await fetch(`${stack.baseUrl}/api/auth/login`, {
      method: 'POST',
      headers: { 'Content-Type': 'application/json' },
      body: JSON.stringify({ email, password: initial }),
    });
    expect(refused.status).toBe(401);

    const user = await signIn(browser, stack, email, reset);
    await user.getByRole('link', { name: 'Account' }).click();
    await expectText(user.getByTestId('account-identity'), new RegExp(`${email.replace(/\./g, '\\.')}, Credit manager`));
    const next = user.getByTestId('new-password');
    await user.getByTestId('current-password').fill(reset);
    await next.fill('too short');
    await user.getByTestId('new-password-confirm').fill('too short');
    await user.getByTestId('change-password-submit').click();
    await expectText(fieldError(user, (await next.getAttribute('id'))!), /^At least 12 characters$/);
    await next.fill(own);
    await user.getByTestId('new-password-confirm').fill(own);
    await user.getByTestId('change-password-submit').click();
    await user.getByText('Password changed. Your other sessions are signed out.').waitFor();
    await user.getByRole('button', { name: 'Sign out' }).click();
    // Too many failed sign-ins lock the account for a while: the sign-in page says for how long.
    const tryWrong = () =>
      fetch(`${stack.baseUrl}/api/auth/login`, {
        method: 'POST',
        headers: { 'Content-Type': 'application/json' },
        body: JSON.stringify({ email: 'locked@example.com', password: 'not the password' }),
      });
    let status = 0;
    for (let i = 0; i < 20 && status !== 429; i++) status = (await tryWrong()).status;
    expect(status).toBe(429);
    await user.getByLabel('Email').fill('locked@example.com');
    await user.getByRole('textbox', { name: 'Password' }).fill('not the password');
    await user.getByRole('button', { name: 'Sign in' }).click();
    await expectText(user.getByTestId('login-error'), /^Too many attempts: try again in \d+ (minutes|seconds)\.$/);
    await user.getByLabel('Email').fill(email);
    await user.getByRole('textbox', { name: 'Password' }).fill(own);
    await user.getByRole('button', { name: 'Sign in' }).click();
    await user.getByRole('navigation', { name: 'main' }).waitFor();
    // Only the admin is offered the accounts and the audit log.
    expect(await user.getByRole('link', { name: 'Users' }).count()).toBe(0);
    expect(await user.getByRole('link', { name: 'Audit log' }).count()).toBe(0);
    await user.context().close();
  });
});
