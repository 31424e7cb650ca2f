import { gentleFlow } from '@dunning/flow';
import type { Browser, Locator, Page } from 'playwright-core';
import { expectText } from './page-checks';
import { Stack, launchBrowser, signIn } from './stack';

/**
 * Flow A/B experiments in a browser (Debian's Chromium against `npm start`, issue 16 point 2): a
 * credit manager splits an assignment rule between two flows, reads the report per arm, and stops
 * the experiment, routing everyone to arm B.
 */
jest.setTimeout(300_000);

interface FlowSummary {
  id: string;
  name: string;
  latestVersion: number | null;
}
interface Rule {
  id: string;
  flowId: string;
  priority: number;
  riskMin: number | null;
  riskMax: number | null;
  segment: string | null;
  amountMin: number | null;
  amountMax: number | null;
}

const escape = (text: string) => text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

describe('flow experiments, in Chromium, on npm start', () => {
  let stack: Stack;
  let browser: Browser;

  beforeAll(async () => {
    stack = await Stack.start();
    browser = await launchBrowser();
  }, 300_000);
  afterAll(async () => {
    await browser?.close();
    await stack?.stop();
  });

  /** Opens a select by its label (inside `scope`) and picks the first option matching. */
  async function pick(page: Page, scope: Page | Locator, label: string, option: RegExp) {
    await scope.getByRole('combobox', { name: label, exact: true }).click();
    const found = page.getByRole('option', { name: option }).first();
    await found.waitFor({ timeout: 10_000 }).catch(async () => {
      throw new Error(`no option ${option} in “${label}”: ${(await page.getByRole('option').allInnerTexts()).join(' | ')}`);
    });
    await found.click();
  }

  it('creates an experiment on the catch-all rule with two flows, lists it, reports not enough data, and stops it routing everyone to arm B', async () => {
    const api = await stack.api('manager@example.com');
    let flows = await api<FlowSummary[]>('GET', '/api/flows');
    // The seed publishes several flows; without a second one, publish one here.
    if (flows.filter((flow) => flow.latestVersion !== null).length < 2) {
      const graph = { ...gentleFlow(), id: 'experiment-b', name: 'Experiment arm B' };
      const created = await api<{ id: string }>('POST', '/api/flows', { name: graph.name, graph });
      await api('POST', `/api/flows/${created.id}/publish`);
      flows = await api<FlowSummary[]>('GET', '/api/flows');
    }
    const rules = await api<Rule[]>('GET', '/api/flows/assignments');
    const catchAll = rules.find((r) => [r.riskMin, r.riskMax, r.segment, r.amountMin, r.amountMax].every((v) => v === null))!;
    expect(catchAll).toBeDefined();
    const armA = flows.find((flow) => flow.id === catchAll.flowId)!;
    const armB = flows.find((flow) => flow.id !== armA.id && flow.latestVersion !== null)!;

    const page = await signIn(browser, stack, 'manager@example.com');
    await page.getByRole('link', { name: 'Flows', exact: true }).click();
    await page.getByRole('link', { name: 'Experiments', exact: true }).click();
    await page.waitForURL('**/flows/experiments');
    await page.getByText('No experiment yet.').waitFor();

    // Sent empty: every field with a problem says which.
    await page.getByRole('button', { name: 'New experiment' }).click();
    await page.getByRole('button', { name: 'Start the experiment' }).click();
    for (const problem of ['Name: give the experiment a name', 'Assignment rule: choose the rule whose invoices are split', 'Arm A: choose a flow', 'Arm B: choose a flow']) {
      await page.getByText(problem, { exact: true }).waitFor();
    }

    await page.getByRole('textbox', { name: 'Name', exact: true }).fill('Gentler for everyone');
    await pick(page, page, 'Assignment rule', new RegExp(`^Priority ${catchAll.priority}: Every other invoice → ${escape(armA.name)}$`));
    const groupA = page.getByRole('group', { name: 'Arm A' });
    const groupB = page.getByRole('group', { name: 'Arm B' });
    await pick(page, groupA, 'Flow', new RegExp(`^${escape(armA.name)}$`));
    await pick(page, groupB, 'Flow', new RegExp(`^${escape(armB.name)}$`));
    // A new flow starts on its latest published version.
    expect(await groupB.getByRole('combobox', { name: 'Version', exact: true }).inputValue()).toBe(`Version ${armB.latestVersion}`);
    await groupB.getByRole('textbox', { name: 'Weight', exact: true }).fill('50');
    // A third arm can be added, and removed again.
    await page.getByRole('button', { name: 'Add an arm' }).click();
    await page.getByRole('button', { name: 'Remove arm C' }).click();
    expect(await page.getByRole('group', { name: 'Arm C' }).count()).toBe(0);

    const created = page.waitForResponse((response) => response.url().endsWith('/api/experiments') && response.request().method() === 'POST');
    await page.getByRole('button', { name: 'Start the experiment' }).click();
    const answer = await created;
    expect([answer.status(), answer.status() === 201 ? '' : await answer.text()]).toEqual([201, '']);

    // Listed: running, its two arms with their flows and shares.
    const row = page.getByTestId('experiment-row').filter({ hasText: 'Gentler for everyone' });
    await expectText(row, /Running/);
    await expectText(row, new RegExp(`A: ${escape(armA.name)} v${armA.latestVersion} · 50\\s%`));
    await expectText(row, new RegExp(`B: ${escape(armB.name)} v${armB.latestVersion} · 50\\s%`));
    expect(await page.getByTestId('experiment-form').count()).toBe(0);

    // Its report: no invoice has run it yet, so not enough data; a table and a chart per metric.
    await page.getByRole('link', { name: 'Gentler for everyone', exact: true }).click();
    await page.waitForURL(/\/flows\/experiments\/[0-9a-f-]{36}$/);
    await expectText(page.getByTestId('experiment-verdict'), /Not enough data yet: about [\d,]+ more invoices? needed to detect a difference of [\d.]+ points?\./);
    await expectText(page.getByTestId('metric-invoices'), /^Invoices\s*0\s*0$/);
    await expectText(page.getByTestId('metric-recoveredAmount'), /€0\.00/);
    for (const chart of ['Recovery rate per arm, with its 95 % confidence interval', 'Disputes, complaints and bounces']) {
      await page.getByText(chart, { exact: true }).waitFor();
    }
    expect(await page.getByRole('img', { name: 'Disputes, complaints and bounces' }).count()).toBe(1);

    // Stopped for arm B, after the confirmation.
    await pick(page, page, 'Winner', /^Arm B$/);
    await page.getByRole('button', { name: 'Stop and route everyone to arm B', exact: true }).click();
    const dialog = page.getByRole('dialog', { name: 'Stop the experiment?' });
    await expectText(dialog, new RegExp(`arm B: ${escape(armB.name)}, version ${armB.latestVersion}`));
    // Moving the losers' running invoices is asked for; arm A runs another flow, so the answer says none moves.
    await dialog.getByRole('checkbox', { name: 'Also move the other arms’ running invoices to the winner' }).check();
    const stopped = page.waitForResponse((response) => response.url().endsWith('/stop') && response.request().method() === 'POST');
    await dialog.getByRole('button', { name: 'Yes, stop it: everyone to arm B', exact: true }).click();
    const stopAnswer = await stopped;
    expect(stopAnswer.status()).toBe(200);
    expect(stopAnswer.request().postDataJSON()).toEqual({ winnerArm: 'B', migrateRunning: true });
    expect((await stopAnswer.json()).migrations).toEqual([{ arm: 'A', migrationId: null, invoices: 0, reason: expect.stringContaining('another flow') }]);
    await page.getByText('No running invoice moves: the other arms run another flow, or have no running invoice.').waitFor();
    await expectText(page.getByTestId('experiment-status'), /^Stopped$/);
    await expectText(page.getByTestId('experiment-winner'), /the rule now sends every invoice to arm B/);
    expect(await page.getByRole('button', { name: 'Stop and route everyone to arm B', exact: true }).count()).toBe(0);

    await page.getByRole('link', { name: 'All experiments', exact: false }).click();
    await expectText(row, /Stopped/);
    await expectText(row, /Winner: arm B/);
    // The rule now sends everyone to the winner's flow.
    const after = await api<Rule[]>('GET', '/api/flows/assignments');
    expect(after.find((r) => r.id === catchAll.id)?.flowId).toBe(armB.id);
    await page.context().close();
  });
});
