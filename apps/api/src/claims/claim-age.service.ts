import { Inject, Injectable, NotFoundException } from '@nestjs/common';
import type { ClaimAgeAnswer, ClaimAgeReport, ClaimLimitationSettingsValues } from '@dunning/api-contract';
import { type ClaimAgeState, type ClaimInterruptionKind, localToday } from '@dunning/domain';
import { ClaimAgeRepository, type ClaimInterruptionRow, type DatabaseHandle, SettingsRepository } from '@dunning/db';
import { CLAIM_LIMITATION_SETTING, ReceivablesService, claimLimitationSettings, invoiceClaimAge, recomputeLimitations } from '@dunning/receivables';
import { DATABASE } from '../database/database.module';

const interruptionOf = (row: ClaimInterruptionRow) => ({
  id: row.id,
  kind: row.kind,
  date: row.date,
  reference: row.reference,
  note: row.note,
  proceedingsEndedOn: row.proceedingsEndedOn,
  createdAt: row.createdAt.toISOString(),
});

const dayNumber = (date: string) => Date.parse(`${date}T00:00:00Z`) / 86_400_000;

/**
 * A claim's age (prescription): the limitation date the receivables service keeps on the invoice
 * (Code de commerce L110-4: 5 years between traders; Code de la consommation L218-2: 2 years against
 * a consumer; interrupted per Code civil 2240–2244), the events that interrupted it, the report of
 * open claims by time left, and the admin's periods and alert window.
 */
@Injectable()
export class ClaimAgeService {
  constructor(
    @Inject(DATABASE) private readonly database: DatabaseHandle,
    private readonly receivables: ReceivablesService,
    private readonly settings: SettingsRepository,
  ) {}

  async claimAge(invoiceId: string): Promise<ClaimAgeAnswer> {
    const found = await invoiceClaimAge(this.database.db, invoiceId, new Date());
    if (!found) throw new NotFoundException(`invoice ${invoiceId} not found`);
    const { age, today, interruptions, settings, open } = found;
    return {
      invoiceId,
      today,
      limitationDate: age.limitationDate,
      daysLeft: age.daysLeft,
      state: age.state,
      open,
      years: age.years,
      article: age.article,
      runsFrom: age.runsFrom,
      // In the API's vocabulary (CLAIM_INTERRUPTION_KINDS: payment_plan_signed, court_filing…).
      interruptedBy: age.interruptedBy ? { ...age.interruptedBy, kind: age.interruptedBy.kind.replace(/-/g, '_') as ClaimInterruptionKind } : null,
      pendingProceedings: age.pendingProceedings,
      alertDays: settings.alertDays,
      interruptions: interruptions.map(interruptionOf),
    };
  }

  async recordInterruption(
    invoiceId: string,
    body: { kind: ClaimInterruptionKind; date: string; reference: string; note?: string; proceedingsEndedOn?: string },
    userId?: string,
  ): Promise<{ replayed: boolean; claimAge: ClaimAgeAnswer }> {
    // What a person types: never a date after the customer's today.
    const { replayed } = await this.receivables.recordInterruption(invoiceId, { ...body, recordedBy: userId, notInFuture: true });
    return { replayed, claimAge: await this.claimAge(invoiceId) };
  }

  /** Open claims, soonest time-barred first; `state` filters (ok, alert, old). */
  async report(query: { state?: ClaimAgeState; customerId?: string; page: number; pageSize: number }): Promise<ClaimAgeReport> {
    const settings = await claimLimitationSettings(this.database.db);
    const today = localToday(new Date(), 'Europe/Paris');
    const rows = [];
    const repository = new ClaimAgeRepository(this.database.db);
    let after: { limitationDate: string; invoiceId: string } | undefined;
    for (;;) {
      const page = await repository.openClaims({ after, limit: 5000, customerId: query.customerId });
      if (page.length === 0) break;
      rows.push(...page);
      after = { limitationDate: page.at(-1)!.limitationDate, invoiceId: page.at(-1)!.invoiceId };
    }
    const lines = rows.map((row) => {
      const customerToday = localToday(new Date(), row.timeZone);
      const daysLeft = dayNumber(row.limitationDate) - dayNumber(customerToday);
      const state: ClaimAgeState = daysLeft <= 0 ? 'old' : daysLeft <= settings.alertDays ? 'alert' : 'ok';
      return {
        invoiceId: row.invoiceId,
        number: row.number,
        customerId: row.customerId,
        customerName: row.customerName,
        customerType: row.customerType === 'person' ? ('person' as const) : ('company' as const),
        dueDate: row.dueDate,
        balance: row.balance,
        currency: row.currency,
        status: row.status,
        limitationDate: row.limitationDate,
        daysLeft,
        state,
      };
    });
    const counts = { ok: 0, alert: 0, old: 0 };
    for (const line of lines) counts[line.state]++;
    const filtered = query.state ? lines.filter((line) => line.state === query.state) : lines;
    const start = (query.page - 1) * query.pageSize;
    return {
      items: filtered.slice(start, start + query.pageSize),
      total: filtered.length,
      page: query.page,
      pageSize: query.pageSize,
      today,
      alertDays: settings.alertDays,
      counts,
    };
  }

  async limitationSettings(): Promise<ClaimLimitationSettingsValues> {
    return claimLimitationSettings(this.database.db);
  }

  /**
   * Changes the periods or the alert window; a changed period recomputes every open claim's
   * limitation date (and its alert).
   */
  async setLimitationSettings(values: Partial<ClaimLimitationSettingsValues>, userId?: string): Promise<ClaimLimitationSettingsValues> {
    const current = await this.limitationSettings();
    const next = { ...current, ...values };
    await this.settings.set({ [CLAIM_LIMITATION_SETTING]: next }, userId);
    if (next.companyYears !== current.companyYears || next.personYears !== current.personYears || next.alertDays !== current.alertDays)
      await recomputeLimitations(this.database.db, new Date());
    return this.limitationSettings();
  }
}
