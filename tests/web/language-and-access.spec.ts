import { readFileSync } from 'node:fs';
import path from 'node:path';
import AxeBuilder from '@axe-core/playwright';
import type { Browser, Locator, Page } from 'playwright-core';
// eslint-disable-next-line @nx/enforce-module-boundaries -- the French pages are compared with the web app's own words, nothing else of the app is used
import { fr } from '@dunning/web/src/i18n/messages';
import { Stack, launchBrowser, signIn } from './stack';
import { handoffFlow } from './flow-fixtures';
import { englishPatterns, pageWords } from './french-words';

/**
 * Every page of the web app, in French, as each kind of user sees it: no English UI string left
 * and nothing serious for axe-core (WCAG 2.1 A and AA). One stack, one browser; the walk is quick.
 */
jest.setTimeout(300_000);

const DAY = 86_400_000;
const isoDate = (ms: number) => new Date(ms).toISOString().slice(0, 10);
const APP = path.resolve(__dirname, '../../apps/web/src/app/App.tsx');

/** The routes App.tsx declares, with whether only the admin is offered them. */
function declaredRoutes(): Array<{ path: string; adminOnly: boolean }> {
  return readFileSync(APP, 'utf8')
    .split('\n')
    .flatMap((line) => {
      const match = /<Route\s+path="([^"]+)"/.exec(line);
      return match && match[1] !== '*' && match[1] !== '/' ? [{ path: match[1], adminOnly: /role === 'admin'/.test(line) }] : [];
    });
}

/** A message with its values in place, as i18next writes it. */
const filled = (text: string, values: Record<string, string | number>) => text.replace(/{{(\w+)}}/g, (_, name: string) => String(values[name]));

/** A migration's status and its words, read at once (the row is asked again every 2 s while under way). */
async function statusOf(row: Locator): Promise<{ status: string | null; words: string | null | undefined }> {
  return row.evaluate((element) => ({ status: element.getAttribute('data-status'), words: element.querySelector('[data-testid="migration-status"]')?.textContent }));
}

/** The page has loaded what it shows: something is drawn, and nothing is still spinning or fetching. */
async function settle(page: Page): Promise<void> {
  await page.locator('main').first().waitFor({ timeout: 10_000 });
  await page.waitForLoadState('networkidle', { timeout: 3_000 }).catch(() => undefined);
  await page.waitForFunction(() => document.querySelectorAll('.mantine-Loader-root, [aria-busy="true"]').length === 0, undefined, { timeout: 5_000 }).catch(() => undefined);
  await page.waitForTimeout(150);
}

interface Finding {
  page: string;
  problem: string;
}

describe('every page in French, accessible', () => {
  let stack: Stack;
  let browser: Browser;
  const findings: Finding[] = [];
  const english = englishPatterns();
  /** The flow the seed publishes, whose steps its agency case runs (then a second version of it). */
  let seededFlow: string;

  beforeAll(async () => {
    stack = await Stack.start();
    browser = await launchBrowser();
    seededFlow = await seed(stack);
  }, 300_000);
  afterAll(async () => {
    await browser?.close();
    await stack?.stop();
  });

  async function check(page: Page, name: string): Promise<void> {
    const drawn = await settle(page).then(
      () => true,
      (error: Error) => (findings.push({ page: name, problem: `the page did not render: ${error.message.split('\n')[0]}` }), false),
    );
    if (!drawn) return;
    const results = await new AxeBuilder({ page }).withTags(['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa']).analyze();
    for (const violation of results.violations.filter((v) => v.impact === 'serious' || v.impact === 'critical')) {
      for (const node of violation.nodes.slice(0, 3)) {
        findings.push({ page: name, problem: `axe ${violation.id} (${violation.impact}) at ${node.target.join(' ')}: ${node.html.slice(0, 160)}` });
      }
      if (violation.nodes.length > 3) findings.push({ page: name, problem: `axe ${violation.id}: ${violation.nodes.length - 3} more` });
    }
    // Data marks hold data only: a control inside one would hide its words from this check.
    const hidden = await page.evaluate(() =>
      Array.from(
        document.querySelectorAll(
          '[translate="no"] :is(button, input, select, textarea, [role="button"], label), body [lang]:not([lang="fr"]) :is(button, input, select, textarea, label)',
        ),
      ).map((element) => element.outerHTML.slice(0, 120)),
    );
    for (const html of hidden) findings.push({ page: name, problem: `a control inside data marked translate="no" or lang: ${html}` });
    const words = await pageWords(page);
    for (const { text, pattern } of english.filter(({ pattern }) => pattern.test(words))) {
      findings.push({ page: name, problem: `English: “${text}”` });
      if (process.env.LANGUAGE_WALK_DEBUG) {
        const at = words.search(pattern);
        console.log(`${name}: “${text}” in …${words.slice(Math.max(0, at - 80), at + 80).replace(/\n/g, ' ⏎ ')}…`);
      }
    }
  }

  async function french(page: Page): Promise<void> {
    await page.getByText('FR', { exact: true }).click();
    await page.getByRole('navigation', { name: /.+/ }).first().waitFor();
    await page.waitForFunction(() => document.documentElement.lang === 'fr' || localStorage.getItem('language') === 'fr');
  }

  /** Links on the page to a route with a parameter (the first invoice, flow, customer… shown). */
  async function hrefs(page: Page): Promise<string[]> {
    return page.evaluate(() => Array.from(document.querySelectorAll('a[href]')).map((a) => (a as HTMLAnchorElement).getAttribute('href') ?? ''));
  }

  it('shows no English and nothing serious to axe-core, on every page, for every kind of user', async () => {
    const routes = declaredRoutes();
    const byRole = {
      agency: routes.filter((r) => r.path === '/cases'),
      admin: routes.filter((r) => r.adminOnly),
      manager: routes.filter((r) => !r.adminOnly && r.path !== '/cases'),
    };
    expect(byRole.manager.map((r) => r.path)).toEqual(expect.arrayContaining(['/dashboard', '/invoices', '/invoices/:id', '/flows', '/flows/:id', '/outbox']));

    const login = await browser.newContext({ baseURL: stack.baseUrl, viewport: { width: 1440, height: 900 }, locale: 'fr-FR', timezoneId: 'Europe/Paris' });
    const loginPage = await login.newPage();
    await loginPage.goto('/');
    await loginPage.locator('input[type="email"]').waitFor();
    await check(loginPage, 'login');
    await login.close();

    const manager = await signIn(browser, stack, 'manager@example.com');
    await french(manager);
    const seen = new Set<string>();
    const visited = new Set<string>();
    for (const route of byRole.manager.filter((r) => !r.path.includes(':'))) {
      await manager.goto(route.path);
      await check(manager, route.path);
      visited.add(route.path);
      for (const href of await hrefs(manager)) seen.add(href);
    }
    // A link to a page of its own (/flows/experiments) is not an instance of a parametrised one (/flows/:id).
    const fixed = new Set(routes.filter((r) => !r.path.includes(':')).map((r) => r.path));
    for (const route of byRole.manager.filter((r) => r.path.includes(':'))) {
      const shape = new RegExp(`^${route.path.replace(/:[^/]+/g, '[^/?#]+')}$`);
      const href = [...seen].find((h) => shape.test(h) && !fixed.has(h));
      if (!href) {
        findings.push({ page: route.path, problem: 'no link to such a page was found on the other pages' });
        continue;
      }
      await manager.goto(href);
      await check(manager, route.path);
      visited.add(route.path);
      for (const more of await hrefs(manager)) seen.add(more);
    }
    // The flow editor's "which step pays" tab (hidden until opened), on the seeded flow whose step the agency case ran: its table in French.
    await manager.goto(`/flows/${seededFlow}`);
    await manager.getByTestId('tab-recovery').click();
    await manager.getByRole('heading', { name: fr.stepRecovery.title }).waitFor();
    await manager.getByTestId('step-recovery-row').first().waitFor();
    await check(manager, '/flows/:id (which step pays)');
    // The versions tab's dry run of moving the agency case's invoice to version 2 (its agency step renamed there): nothing applied yet; a step mapped by hand asks again.
    await manager.getByTestId('tab-versions').click();
    await manager.getByRole('heading', { name: fr.flowMigration.title }).waitFor();
    await manager.getByText(fr.flowMigrationRuns.none).waitFor();
    expect(await manager.getByTestId('migration-apply').isDisabled()).toBe(true);
    await manager.getByTestId('migration-run').click();
    const renamed = manager.locator('[data-testid="migration-mapping-row"][data-step="escalate"]');
    expect(await renamed.getAttribute('data-how', { timeout: 15_000 })).toBe('next_surviving');
    await renamed.getByTestId('migration-target').click();
    await manager.getByRole('option', { name: `${fr.nodes.escalate} · vers-agence` }).click();
    await manager.locator('[data-testid="migration-mapping-row"][data-step="escalate"][data-how="explicit"]').waitFor();
    expect(await manager.getByTestId('migration-invoice').count()).toBe(1);
    await check(manager, '/flows/:id (moving running invoices)');
    // Applying that dry run, confirmed in French; the move then shows its status and progress (how fast the invoice answers is the workflow's: not asserted).
    await manager.getByTestId('migration-apply').click();
    const applyDialog = manager.getByTestId('migration-apply-dialog');
    await applyDialog.getByText(filled(fr.flowMigration.confirm_one, { count: 1, from: 1, to: 2 })).waitFor();
    await check(manager, '/flows/:id (confirming the move)');
    await manager.getByTestId('migration-apply-confirm').click();
    await applyDialog.waitFor({ state: 'hidden' });
    await manager.getByTestId('migration-applied').getByText(fr.flowMigration.applied).waitFor();
    const run = manager.getByTestId('migration-run-row');
    await run.waitFor({ timeout: 15_000 });
    expect(await run.count()).toBe(1);
    expect(await run.getByTestId('migration-progress').getAttribute('data-total')).toBe('1');
    await run.getByText(filled(fr.flowMigrationRuns.total_one, { count: 1 }), { exact: false }).waitFor();
    const applied = await statusOf(run);
    expect(['applying', 'applied']).toContain(applied.status);
    expect(applied.words).toBe(fr.flowMigrationRuns.statuses[applied.status as 'applying' | 'applied']);
    await run.getByTestId('migration-items-toggle').click();
    await run.getByTestId('migration-item').getByText('FR-3').waitFor();
    // Rolled back, confirmed: the rollback's line appears and the status says it, in French.
    await run.getByTestId('migration-rollback').click();
    await manager
      .getByTestId('migration-rollback-dialog')
      .getByText(filled(fr.flowMigrationRuns.rollbackConfirm, { from: 1, to: 2 }))
      .waitFor();
    await manager.getByTestId('migration-rollback-confirm').click();
    await manager.locator('[data-testid="migration-run-row"]:is([data-status="rolling_back"], [data-status="rolled_back"])').waitFor({ timeout: 15_000 });
    const rolledBack = await statusOf(run);
    expect(['rolling_back', 'rolled_back']).toContain(rolledBack.status);
    expect(rolledBack.words).toBe(fr.flowMigrationRuns.statuses[rolledBack.status as 'rolling_back' | 'rolled_back']);
    await run.locator('[data-phase="rollback"]').getByText(fr.flowMigrationRuns.rollbackLine, { exact: false }).waitFor();
    expect(await run.getByTestId('migration-rollback').count()).toBe(0);
    await manager.getByTestId('migration-rollback-dialog').waitFor({ state: 'hidden' });
    await check(manager, '/flows/:id (moves applied and rolled back)');
    await manager.context().close();

    const collector = await signIn(browser, stack, 'collector@example.com');
    await french(collector);
    await collector.goto('/queue');
    await check(collector, '/queue (collector)');
    await collector.context().close();

    const agency = await signIn(browser, stack, 'agency@example.com');
    await french(agency);
    for (const route of byRole.agency) {
      await agency.goto(route.path);
      await check(agency, `${route.path} (agency)`);
      visited.add(route.path);
    }
    await agency.context().close();

    const admin = await signIn(browser, stack, 'admin@example.com');
    await french(admin);
    for (const route of byRole.admin) {
      await admin.goto(route.path);
      await check(admin, `${route.path} (admin)`);
      visited.add(route.path);
    }
    await admin.context().close();

    const report = findings.map((f) => `${f.page}: ${f.problem}`).join('\n');
    if (report) console.log(`every page in French, accessible: what fails\n${report}`);
    expect([...visited].sort()).toEqual(routes.map((r) => r.path).sort());
    expect(report).toBe('');
  });
});

/**
 * Something on every page: invoices the standard flow works (reminders in the outbox, calls in the
 * queue), and one handed to the seeded agency so its portal shows a case; then a second version of
 * the flow that hands it over, its agency step renamed. Answers the id of that flow.
 */
async function seed(stack: Stack): Promise<string> {
  const login = await fetch(`${stack.baseUrl}/api/auth/login`, {
    method: 'POST',
    headers: { 'Content-Type': 'application/json' },
    body: JSON.stringify({ email: 'manager@example.com', password: 'browser-tests-password' }),
  });
  const token = ((await login.json()) as { token: string }).token;
  const api = async (method: string, url: string, body?: unknown) => {
    const response = await fetch(`${stack.baseUrl}${url}`, {
      method,
      headers: { Authorization: `Bearer ${token}`, 'Content-Type': 'application/json' },
      body: body ? JSON.stringify(body) : undefined,
    });
    if (!response.ok) throw new Error(`${method} ${url}: ${response.status} ${await response.text()}`);
    return response.status === 204 ? undefined : response.json();
  };
  const agencies = (await api('GET', '/api/agencies')) as Array<{ id: string; name: string }>;
  const agencyId = agencies.find((a) => a.name === 'Recouvrement Rapide')!.id;
  const graph = handoffFlow('vers-agence', 'Vers l’agence', agencyId);
  const flow = (await api('POST', '/api/flows', { name: 'Vers l’agence', graph })) as { id: string };
  await api('POST', `/api/flows/${flow.id}/publish`);
  const rules = (await api('GET', '/api/flows/assignments')) as Array<{ flowId: string; segment: string | null }>;
  await api('PUT', '/api/flows/assignments', {
    rules: [{ flowId: flow.id, priority: -rules.length - 2, segment: 'essai' }, { flowId: flow.id, priority: -rules.length - 1, segment: 'agence' }, ...rules],
  });
  // An experiment on a segment no customer is in, for the experiments' pages: the agency's case stays on its flow.
  const trial = ((await api('GET', '/api/flows/assignments')) as Array<{ id: string; segment: string | null }>).find((rule) => rule.segment === 'essai')!;
  const other = ((await api('GET', '/api/flows')) as Array<{ id: string; latestVersion: number | null }>).find((f) => f.id !== flow.id && f.latestVersion !== null)!;
  await api('POST', '/api/experiments', {
    name: 'Essai de relance',
    ruleId: trial.id,
    arms: [
      { key: 'A', flowId: flow.id, flowVersion: 1, weight: 50 },
      { key: 'B', flowId: other.id, flowVersion: other.latestVersion, weight: 50 },
    ],
  });

  const now = await stack.now();
  const csv = [
    'invoice_number,issue_date,due_date,amount,currency,customer_reference,customer_name,customer_email,customer_phone,customer_segment,customer_address',
    `FR-1,${isoDate(now - 60 * DAY)},${isoDate(now - 30 * DAY)},1200.00,EUR,C-FR-1,Boulangerie Martin,compta@martin.example,06 12 34 56 78,,1 rue A|75001 Paris`,
    `FR-2,${isoDate(now - 20 * DAY)},${isoDate(now + 3 * DAY)},800.00,EUR,C-FR-2,Garage Dupont,garage@dupont.example,06 98 76 54 32,,2 rue B|69002 Lyon`,
    `FR-3,${isoDate(now - 40 * DAY)},${isoDate(now - 10 * DAY)},500.00,EUR,C-FR-3,Client Agence,a@agence.example,06 11 22 33 44,agence,3 rue C|75002 Paris`,
  ].join('\n');
  const form = new FormData();
  form.append('file', new Blob([csv]), 'factures.csv');
  const imported = await fetch(`${stack.baseUrl}/api/invoices/import?wait=true`, { method: 'POST', headers: { Authorization: `Bearer ${token}` }, body: form });
  if (imported.status !== 202) throw new Error(`import: ${imported.status} ${await imported.text()}`);
  // A few working days pass: reminders go out, calls fall due, the case reaches the agency.
  for (let day = 0; day < 4; day++) await stack.advance(DAY);
  // Version 2, its agency step renamed: the dry run of moving the case's invoice, which runs version 1, has a step to map.
  const renamed = (id: string) => (id === 'escalate' ? 'vers-agence' : id);
  await api('PUT', `/api/flows/${flow.id}/draft`, {
    graph: {
      ...graph,
      nodes: graph.nodes.map((n) => ({ ...n, id: renamed(n.id) })),
      edges: graph.edges.map((e) => ({ ...e, source: renamed(e.source), target: renamed(e.target) })),
    },
  });
  await api('POST', `/api/flows/${flow.id}/publish`);
  return flow.id;
}
