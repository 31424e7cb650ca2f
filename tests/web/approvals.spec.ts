import { eq } from 'drizzle-orm';
import type { Browser, Locator, Page } from 'playwright-core';
import { type DatabaseHandle, openDatabase, sendApprovals } from '@dunning/db';
// eslint-disable-next-line @nx/enforce-module-boundaries -- the French screens are checked against the web app's own words, nothing else of the app is used
import { fr } from '@dunning/web/src/i18n/messages';
import { holdApprovals } from './approval-fixtures';
import { englishOn } from './french-words';
import { expectText } from './page-checks';
import { Stack, launchBrowser, signIn } from './stack';

/**
 * Safe mode's approval queue and settings in a browser, in French (Debian's Chromium against
 * `npm start`, issue 16 point 3): three held messages, two at one step and one at another, are
 * approved to another recipient (after a refused one), skipped, and approved a step at once; then
 * safe mode is set to hold every message, 12 hours, sent anyway at the deadline.
 */
jest.setTimeout(300_000);

const escape = (text: string) => text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
/** A message with its values in place, as i18next writes it. */
const filled = (text: string, values: Record<string, string | number>) => text.replace(/{{(\w+)}}/g, (_, name: string) => String(values[name]));

describe('the approval queue and safe mode, in French, in Chromium', () => {
  let stack: Stack;
  let browser: Browser;
  let database: DatabaseHandle;

  beforeAll(async () => {
    stack = await Stack.start();
    browser = await launchBrowser();
    database = await openDatabase({ url: stack.databaseUrl, migrate: false, poolSize: 1 });
  }, 300_000);
  afterAll(async () => {
    await database?.close();
    await browser?.close();
    await stack?.stop();
  });

  const decisionOf = async (invoiceId: string) => {
    const [row] = await database.db.select().from(sendApprovals).where(eq(sendApprovals.invoiceId, invoiceId));
    return { decision: row?.decision ?? null, recipientOverride: row?.recipientOverride ?? null };
  };
  /** Waits (bounded) until the database holds the decision. */
  const untilDecided = async (invoiceId: string, decision: 'approve' | 'skip') => {
    for (let i = 0; i < 75 && (await decisionOf(invoiceId)).decision !== decision; i++) await new Promise((resolve) => setTimeout(resolve, 200));
    return decisionOf(invoiceId);
  };

  async function french(page: Page): Promise<void> {
    await page.getByText('FR', { exact: true }).click();
    await page.waitForFunction(() => document.documentElement.lang === 'fr');
  }

  async function expectNoEnglish(page: Page, what: string): Promise<void> {
    await page.waitForLoadState('networkidle', { timeout: 3_000 }).catch(() => undefined);
    expect([what, await englishOn(page)]).toEqual([what, []]);
  }

  const item = (page: Page, number: string): Locator => page.locator(`[data-testid="approval-item"][data-number="${number}"]`);

  it('approves one to another recipient, skips one, approves a step at once; then holds every message for 12 hours, sent anyway', async () => {
    const { flow, ids } = await holdApprovals(stack, database);
    const page = await signIn(browser, stack, 'manager@example.com');
    await french(page);

    // From the navigation, its badge counting the three waiting.
    const nav = page.getByRole('navigation', { name: fr.access.mainMenu });
    const entry = nav.getByRole('link', { name: new RegExp(`^${fr.approvals.nav}`) });
    await expectText(entry, /File d’approbation\s*3$/);
    await entry.click();
    await page.waitForURL('**/approvals');
    await page.getByRole('heading', { name: fr.approvals.title, exact: true }).waitFor();

    // Two groups: the first reminder's two messages, the second reminder's one, each under the flow's name.
    const first = page.locator('[data-testid="approval-group"][data-step="reminder-1"]');
    const second = page.locator('[data-testid="approval-group"][data-step="reminder-2"]');
    await first.waitFor();
    expect(await page.getByTestId('approval-group').count()).toBe(2);
    expect(await first.getByTestId('approval-item').count()).toBe(2);
    expect(await second.getByTestId('approval-item').count()).toBe(1);
    await expectText(first, new RegExp(`${escape(flow.name)}.*Étape Reminder 1`));
    await expectText(first.getByTestId('approval-approve-step'), new RegExp(`^${filled(fr.approvals.approveStep_other, { count: 2 })}$`));
    await expectText(item(page, 'AP-1'), /Facture AP-1.*Boulangerie Martin.*E-mail.*À \(Contact facturation\) : compta@martin\.example.*Objet : Facture AP-1 : rappel/);
    await expectText(item(page, 'AP-1').getByTestId('approval-deadline'), /^Ignoré le .+ sans décision$/);
    await expectText(item(page, 'AP-3').getByTestId('approval-deadline'), /^Envoyé quand même le .+ sans décision$/);
    expect(await item(page, 'AP-1').getByRole('link', { name: 'Facture AP-1' }).getAttribute('href')).toBe(`/invoices/${ids['AP-1']}`);
    // The message as it would go, folded until asked for.
    await item(page, 'AP-1').getByRole('button', { name: fr.approvals.showMessage }).click();
    await expectText(item(page, 'AP-1').getByTestId('approval-body'), /la facture AP-1 reste à régler/);
    await expectNoEnglish(page, '/approvals');

    // AP-1 to another address: a wrong one is refused under the field, in French; then the right one.
    await item(page, 'AP-1').getByTestId('approval-approve-other').click();
    const input = item(page, 'AP-1').getByTestId('approval-recipient-input');
    await input.fill('pas une adresse');
    await item(page, 'AP-1').getByTestId('approval-recipient-submit').click();
    await item(page, 'AP-1').getByText(fr.approvals.problems.email, { exact: true }).waitFor();
    expect((await decisionOf(ids['AP-1']!)).decision).toBeNull();
    await input.fill('comptabilite@martin.example');
    await item(page, 'AP-1').getByTestId('approval-recipient-submit').click();
    await expectText(item(page, 'AP-1').getByTestId('approval-decision'), /Décision transmise\s*Approuvé \(à comptabilite@martin\.example\)/);
    expect(await untilDecided(ids['AP-1']!, 'approve')).toEqual({ decision: 'approve', recipientOverride: 'comptabilite@martin.example' });
    expect(await item(page, 'AP-1').getByTestId('approval-approve').count()).toBe(0);
    // What is left of the step to approve at once: AP-2 alone.
    await expectText(first.getByTestId('approval-approve-step'), new RegExp(`^${fr.approvals.approveStep_one}$`));

    // AP-2 skipped: nothing left to decide at that step.
    await item(page, 'AP-2').getByTestId('approval-skip').click();
    await expectText(item(page, 'AP-2').getByTestId('approval-decision'), /Décision transmise\s*Ignoré/);
    expect(await untilDecided(ids['AP-2']!, 'skip')).toEqual({ decision: 'skip', recipientOverride: null });
    await first.getByTestId('approval-approve-step').waitFor({ state: 'detached' });

    // The second reminder's step approved at once.
    await second.getByTestId('approval-approve-step').click();
    await page.getByText(filled(fr.approvals.stepApproved_one, { count: 1 })).waitFor();
    await expectText(item(page, 'AP-3').getByTestId('approval-decision'), /Décision transmise\s*Approuvé/);
    expect(await untilDecided(ids['AP-3']!, 'approve')).toEqual({ decision: 'approve', recipientOverride: null });
    expect(await second.getByTestId('approval-approve-step').count()).toBe(0);
    // Nothing left to decide: the badge is gone.
    await nav.getByTestId('approvals-waiting').waitFor({ state: 'detached', timeout: 40_000 });
    await expectNoEnglish(page, '/approvals (decided)');

    // Safe mode: every message held, 12 hours, sent anyway; a deadline out of range is refused first.
    await nav.getByRole('link', { name: fr.nav.settings, exact: true }).click();
    const card = page.getByTestId('safe-mode-card');
    await card.waitFor();
    expect(await card.getByRole('radio', { name: fr.safeMode.modes.first_sends }).isChecked()).toBe(true);
    await card.getByRole('radio', { name: fr.safeMode.modes.always }).check();
    const timeout = card.getByRole('textbox', { name: fr.safeMode.timeoutHours });
    await timeout.fill('0');
    await card.getByText(filled(fr.safeMode.problems.range, { min: 1, max: 720 }), { exact: true }).waitFor();
    await timeout.fill('12');
    await card.getByRole('radio', { name: fr.safeMode.onTimeoutOptions.send }).check();
    // A flow of its own: the standard flow stays off.
    await card.getByRole('button', { name: fr.safeMode.addFlow }).click();
    await card.getByRole('combobox', { name: fr.safeMode.flow, exact: true }).click();
    await page.getByRole('option', { name: flow.name }).click();
    await card.getByRole('combobox', { name: fr.safeMode.flowMode, exact: true }).click();
    await page.getByRole('option', { name: fr.safeMode.modes.off, exact: true }).click();
    await expectNoEnglish(page, '/settings');
    const saved = page.waitForResponse((response) => response.url().endsWith('/api/settings') && response.request().method() === 'PUT');
    await page.getByTestId('safe-mode-save').click();
    const answer = await saved;
    expect([answer.status(), answer.status() === 200 ? '' : await answer.text()]).toEqual([200, '']);
    await page.getByText(fr.safeMode.saved).waitFor();

    await page.reload();
    await card.waitFor();
    expect(await card.getByRole('radio', { name: fr.safeMode.modes.always }).isChecked()).toBe(true);
    expect(await card.getByRole('textbox', { name: fr.safeMode.timeoutHours }).inputValue()).toBe('12');
    expect(await card.getByRole('radio', { name: fr.safeMode.onTimeoutOptions.send }).isChecked()).toBe(true);
    expect(await card.getByRole('combobox', { name: fr.safeMode.flow, exact: true }).inputValue()).toBe(flow.name);
    expect(await card.getByRole('combobox', { name: fr.safeMode.flowMode, exact: true }).inputValue()).toBe(fr.safeMode.modes.off);
    const settings = await (await stack.api('manager@example.com'))<{ safeMode: unknown }>('GET', '/api/settings');
    expect(settings.safeMode).toEqual({ mode: 'always', firstSends: 10, timeoutHours: 12, onTimeout: 'send', flows: [{ flowId: flow.id, mode: 'off' }] });
    await page.context().close();
  });
});
