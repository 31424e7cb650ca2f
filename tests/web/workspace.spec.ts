import { mkdirSync } from 'node:fs';
import path from 'node:path';
import { strictFlow } from '@dunning/flow';
import type { Browser, Locator, Page, Request } from 'playwright-core';
import { expectText, wire } from './page-checks';
import { SCREENSHOTS, Stack, launchBrowser, signIn } from './stack';

/**
 * The credit manager's workspace in a browser (Debian's Chromium against `npm start`): signing out,
 * the editor's plain forms and layout, the creditor's identity on what goes out (issue 14).
 */
jest.setTimeout(300_000);

const DAY = 86_400_000;

interface Box {
  x: number;
  y: number;
  width: number;
  height: number;
}
const overlap = (a: Box, b: Box) => a.x < b.x + b.width && b.x < a.x + a.width && a.y < b.y + b.height && b.y < a.y + a.height;
async function boxes(locator: Locator): Promise<Box[]> {
  return (await Promise.all((await locator.all()).map((element) => element.boundingBox()))).filter((box): box is Box => box !== null);
}

describe('the credit manager’s workspace, in Chromium, on npm start', () => {
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

  it('signs out for good: the sign-in page, then Back shows it again and no request carries the old session', async () => {
    const page = await signIn(browser, stack, 'manager@example.com');
    await page.getByRole('link', { name: 'Invoices', exact: true }).click();
    await page.waitForURL('**/invoices');
    const session = (await page.context().cookies()).find((cookie) => cookie.name === 'dunning_session');
    expect(session?.value).toBeTruthy();

    const afterSignOut: Request[] = [];
    let signedOut = false;
    page.on('request', (request) => signedOut && request.url().includes('/api/') && afterSignOut.push(request));
    const logout = page.waitForResponse((response) => response.url().endsWith('/api/auth/logout'));
    await page.getByRole('button', { name: 'Sign out' }).click();
    expect((await logout).status()).toBe(204);
    signedOut = true;
    await page.getByRole('button', { name: 'Sign in' }).waitFor();
    expect(new URL(page.url()).pathname).toBe('/login');
    expect(await page.getByRole('navigation', { name: 'main' }).count()).toBe(0);

    await page.goBack();
    await page.getByRole('button', { name: 'Sign in' }).waitFor();
    expect(await page.getByRole('navigation', { name: 'main' }).count()).toBe(0);
    // Leave time for any screen that would still poll.
    await page.waitForTimeout(1_500);
    const cookieHeaders = await Promise.all(afterSignOut.map(async (request) => (await request.allHeaders()).cookie ?? ''));
    expect(cookieHeaders.filter((header) => header.includes(session!.value))).toEqual([]);
    // The only calls are the sign-in page asking who is there (nobody).
    expect(afterSignOut.map((request) => new URL(request.url()).pathname).filter((p) => p !== '/api/auth/me')).toEqual([]);
    await page.context().close();
  });

  it('tells a collector plainly when there is no call to make', async () => {
    // This stack has no invoice yet: the queue is empty, and says so rather than showing an empty table.
    const page = await signIn(browser, stack, 'collector@example.com');
    await expectText(page.getByTestId('queue-empty'), /No call to make right now/);
    expect(await page.getByTestId('task-table').count()).toBe(0);
    await page.context().close();
  });

  it('lays a long flow out readably: 19 steps with call outcomes fit 1440×900 at a readable zoom, and no two edge labels overlap', async () => {
    const api = await stack.api('manager@example.com');
    // Every step piled in one column, as a flow written elsewhere arrives.
    const strict = strictFlow();
    const graph = { ...strict, id: 'long-ladder', name: 'Long ladder', nodes: strict.nodes.map((node, i) => ({ ...node, position: { x: 0, y: i * 150 } })) };
    expect(graph.nodes.length).toBeGreaterThanOrEqual(17);
    const created = await api<{ id: string }>('POST', '/api/flows', { name: graph.name, graph });

    const page = await signIn(browser, stack, 'manager@example.com');
    await page.goto(`/flows/${created.id}`);
    await page.getByTestId('step-start').waitFor();
    await page.getByTestId('auto-layout').click();
    await page.waitForTimeout(800); // the fit-view animation

    const viewport = page.viewportSize()!;
    expect(viewport).toEqual({ width: 1440, height: 900 });
    const nodes = await boxes(page.locator('.react-flow__node'));
    expect(nodes).toHaveLength(graph.nodes.length);
    // Every step inside the canvas on screen (the page around it: palette, panels, header).
    const canvas = (await page.getByTestId('canvas').boundingBox())!;
    for (const node of nodes) {
      expect(node.x).toBeGreaterThanOrEqual(canvas.x);
      expect(node.y).toBeGreaterThanOrEqual(canvas.y);
      expect(node.x + node.width).toBeLessThanOrEqual(canvas.x + canvas.width);
      expect(node.y + node.height).toBeLessThanOrEqual(canvas.y + canvas.height);
    }
    // Readable: the canvas is not shrunk to a thumbnail to fit.
    const zoom = await page.locator('.react-flow__viewport').evaluate((element) => new DOMMatrix(getComputedStyle(element).transform).a);
    expect(zoom).toBeGreaterThanOrEqual(0.5);

    const labels = await boxes(page.getByTestId('edge-label'));
    const labelTexts = await page.getByTestId('edge-label').allInnerTexts();
    // One label per pair of connected steps, one line per outcome: the call's six outcomes, in words.
    expect(labels.length).toBeGreaterThanOrEqual(2);
    const words = labelTexts.join(' ');
    for (const outcome of ['No answer', 'Wrong contact', 'Promise to pay', 'Dispute', 'Paid']) expect(words).toContain(outcome);
    expect(words).not.toMatch(/promise_to_pay|no_answer|sla_expired|wrong_contact/);
    const overlapping: string[] = [];
    labels.forEach((a, i) => labels.slice(i + 1).forEach((b, j) => overlap(a, b) && overlapping.push(`${labelTexts[i]} × ${labelTexts[i + 1 + j]}`)));
    labels.forEach((a, i) => nodes.forEach((node) => overlap(a, node) && overlapping.push(`${labelTexts[i]} × a step`)));
    expect(overlapping).toEqual([]);
    await page.screenshot({ path: path.join(SCREENSHOTS, 'editor-long-flow.png') });
    await page.context().close();
  });

  /** Adds a step from the palette with the keyboard: it goes after the selected step, and is selected. */
  async function addStep(page: Page, kind: string, id: string) {
    await page.getByTestId(`palette-${kind}`).press('Enter');
    await page.getByTestId(`step-${id}`).waitFor();
  }
  async function pick(page: Page, combobox: string, option: RegExp) {
    await page.getByRole('combobox', { name: combobox, exact: true }).click();
    await page.getByRole('option').first().waitFor();
    const found = page.getByRole('option', { name: option }).first();
    if ((await found.count()) === 0) throw new Error(`no option ${option} in “${combobox}”: ${(await page.getByRole('option').allInnerTexts()).join(' | ')}`);
    await found.click();
  }
  /** A wait typed as a French user types it: "-5" means five days before (J-5). */
  async function wait(page: Page, days: string, code: string) {
    await page.getByTestId('wait-days').fill(days);
    await expectText(page.getByTestId('wait-code'), new RegExp(`^${code.replace('+', '\\+')}$`));
  }

  it('lets a credit manager build the French ladder J-5 … J+45 with plain forms, publish, assign and simulate it, and see the path', async () => {
    const page = await signIn(browser, stack, 'manager@example.com');
    await page.getByText('FR', { exact: true }).click();
    // The two letters' wording, edited in the app: each save is a new version, previewed as it is typed.
    for (const [letter, sentence] of [
      ['Lettre de relance', 'Nos services restent à votre disposition au 04 72 00 00 00.'],
      ['Mise en demeure', 'À défaut, nous saisirons le tribunal compétent sans autre avis.'],
    ] as const) {
      await page.getByRole('link', { name: 'Modèles', exact: true }).click();
      await page.getByRole('link', { name: `Modifier ${letter}` }).click();
      const text = page.getByRole('textbox', { name: 'Texte (Français)' });
      await text.fill(`${await text.inputValue()}\n\n${sentence}`);
      // The letter's preview is its page, drawn in a sandboxed frame.
      await page
        .getByTestId('template-preview-fr')
        .locator(`iframe[srcdoc*="${sentence.slice(0, 20)}"]`)
        .waitFor();
      const saved = page.waitForResponse((response) => response.url().endsWith('/versions') && response.request().method() === 'POST');
      await page.getByRole('button', { name: 'Enregistrer une nouvelle version' }).click();
      const answer = await saved;
      expect([answer.status(), answer.status() === 201 ? '' : await answer.text()]).toEqual([201, '']);
      await page.locator('[data-testid="template-save-message"], [data-testid="template-save-problems"]').first().waitFor();
      expect(await page.getByTestId('template-save-problems').count()).toBe(0);
      await expectText(page.getByTestId('template-save-message'), /version 1/);
    }

    await page.getByRole('link', { name: 'Scénarios', exact: true }).click();
    await page.getByTestId('new-flow-name').fill('Échelle J-5 à J+45');
    await page.getByTestId('new-flow').click();
    await page.getByTestId('step-start').waitFor();

    await addStep(page, 'wait', 'wait');
    await wait(page, '-5', 'J-5');
    await addStep(page, 'email', 'email');
    await pick(page, 'Modèle', /Avis de courtoisie/);
    await addStep(page, 'wait', 'wait-2');
    await wait(page, '3', 'J+3');
    await addStep(page, 'sms', 'sms');
    await pick(page, 'Modèle', /SMS de relance/);
    await addStep(page, 'wait', 'wait-3');
    await wait(page, '15', 'J+15');
    await addStep(page, 'branch', 'branch');
    const firstCase = page.getByTestId('branch-case-0');
    await firstCase.getByRole('textbox', { name: 'Valeur' }).fill('500');
    await expectText(firstCase.getByTestId('condition-summary'), /Montant dû ≥ 500,00\s€/);
    // Large amounts get the reminder letter first; the others go straight on to the formal notice's wait.
    await addStep(page, 'letter', 'letter');
    await pick(page, 'Modèle', /Lettre de relance/);
    await addStep(page, 'wait', 'wait-4');
    await wait(page, '30', 'J+30');
    await addStep(page, 'letter', 'letter-2');
    await pick(page, 'Modèle', /Mise en demeure/);
    await addStep(page, 'wait', 'wait-5');
    await wait(page, '45', 'J+45');
    await addStep(page, 'escalate', 'escalate');
    await addStep(page, 'end', 'end');
    await page.getByTestId('auto-layout').click();
    await wire(page, 'branch', 'else', 'wait-4');
    await expectText(page.getByTestId('problem-count'), /Valide/i);

    // The plan reads as the ladder, in French.
    await page.getByTestId('tab-plan').click();
    const plan = await page.getByTestId('plan-view').innerText();
    for (const code of ['J-5', 'J+3', 'J+15', 'J+30', 'J+45']) expect(plan).toContain(code);
    expect(plan).toMatch(/500,00\s€/);

    await page.getByTestId('publish').click();
    await page.getByText(/Version 1 publiée/).waitFor();
    await page.getByTestId('tab-versions').click();
    await page.getByTestId('assign-segment').fill('ladder');
    await page.getByTestId('assign').click();
    await expectText(page.getByTestId('assignment-rule').last(), /ladder/);

    // 1 200 € takes the large-amount path: the reminder letter is on it, highlighted on the canvas.
    await page.getByTestId('tab-simulate').click();
    await page.getByTestId('simulate-amount').fill('1200');
    await page.getByTestId('simulate-due-date').fill('2027-03-01');
    await page.getByTestId('run-simulation').click();
    await page.getByTestId('simulation-path-shown').waitFor();
    const highlighted = async (id: string) => (await page.locator(`.react-flow__node[data-testid="flow-node-${id}"][data-highlighted="true"]`).count()) === 1;
    for (const id of ['wait', 'email', 'sms', 'branch', 'letter', 'letter-2', 'escalate']) expect([id, await highlighted(id)]).toEqual([id, true]);
    await page.screenshot({ path: path.join(SCREENSHOTS, 'editor-ladder-simulated.png') });
    // 300 € goes round the reminder letter.
    await page.getByTestId('simulate-amount').fill('300');
    await page.getByTestId('run-simulation').click();
    await page.locator('.react-flow__node[data-testid="flow-node-letter"]:not([data-highlighted])').waitFor();
    expect(await highlighted('letter-2')).toBe(true);
    await page.context().close();
  });

  it('lets the admin set the creditor identity; the next email and letter in the outbox carry it', async () => {
    const admin = await signIn(browser, stack, 'admin@example.com');
    await admin.getByRole('link', { name: 'Settings', exact: true }).click();
    await admin.getByTestId('creditor-warning').waitFor();
    const fields: Record<string, string> = {
      name: 'Atelier Durand SAS',
      address1: '12 rue des Artisans',
      postcode: '69002',
      city: 'Lyon',
      siren: '552 100 554',
      iban: 'FR14 2004 1010 0505 0001 3M02 606',
      senderEmail: 'relances@atelier-durand.example',
    };
    // A wrong IBAN is named under its field, and nothing is saved.
    await admin.getByTestId('creditor-iban').fill('FR14 2004 1010 0505 0001 3M02 607');
    await admin.getByRole('button', { name: 'Save the identity' }).click();
    await admin.getByText(/Not a valid IBAN/).waitFor();
    for (const [field, value] of Object.entries(fields)) await admin.getByTestId(`creditor-${field}`).fill(value);
    await admin.getByRole('button', { name: 'Save the identity' }).click();
    await admin.getByText(/Creditor identity saved/).waitFor();
    expect(await admin.getByTestId('creditor-warning').count()).toBe(0);
    await admin.context().close();

    // An invoice of 1 200 € on the ladder (assigned to segment "ladder" above), due in 5 days: the
    // courtesy email goes today, the reminder letter at J+15.
    const api = await stack.api('manager@example.com');
    const now = await stack.now();
    const day = (offset: number) => new Date(now + offset * DAY).toISOString().slice(0, 10);
    const customer = await api<{ id: string }>('POST', '/api/customers', {
      reference: 'C-DURAND-1',
      name: 'Menuiserie Perrin',
      segment: 'ladder',
      addressLines: ['4 place Bellecour', '69002 Lyon'],
      contacts: [{ role: 'billing', email: 'compta@perrin.example' }],
    });
    await api('POST', '/api/invoices', { number: 'LAD-1', customerId: customer.id, issueDate: day(-25), dueDate: day(5), amount: 1200_00, currency: 'EUR' });
    await stack.advance(21 * DAY);

    type Sent = { channel: string; bodyHtml: string | null; bodyText: string | null; subject: string | null };
    const sent = async (channel: string) => {
      for (let tries = 0; tries < 100; tries++) {
        const messages = await api<Sent[]>('GET', `/api/messages?channel=${channel}&pageSize=20`);
        const ours = messages.filter((m) => `${m.bodyText ?? ''}${m.bodyHtml ?? ''}`.includes('LAD-1'));
        if (ours.length > 0) return ours[0]!;
        await new Promise((resolve) => setTimeout(resolve, 300));
      }
      throw new Error(`no ${channel} for LAD-1 in the outbox`);
    };
    for (const channel of ['email', 'letter']) {
      const message = await sent(channel);
      const body = `${message.bodyText ?? ''}${message.bodyHtml ?? ''}`;
      expect([channel, body.includes('Atelier Durand SAS'), body.includes('FR14 2004 1010 0505 0001 3M02 606')]).toEqual([channel, true, true]);
      expect(body).not.toContain('Your company');
    }
    const manager = await signIn(browser, stack, 'manager@example.com');
    await manager.getByRole('link', { name: 'Outbox', exact: true }).click();
    // Both on the outbox page, the letter to the customer's address (their bodies, checked above, carry the identity).
    await expectText(manager.locator('main'), /To: Menuiserie Perrin, 4 place Bellecour, 69002 Lyon · reminder-letter/);
    await expectText(manager.locator('main'), /To: compta@perrin\.example · pre-reminder/);
    await manager.context().close();
  });
});
