import { Inject, Injectable, Logger, NotFoundException, UnprocessableEntityException } from '@nestjs/common';
import { DEFAULT_SOLVENCY_SETTINGS, type SolvencySettings, solvencySettings } from '@dunning/api-contract';
import { type ScoreBand, type ScoreSource, riskScoreOrDefault, scoreBand } from '@dunning/domain';
import {
  type Database,
  type DatabaseHandle,
  ExceptionsRepository,
  FlowsRepository,
  SettingsRepository,
  type SolvencyScoreRow,
  SolvencyScoresRepository,
  WorkflowSignalsRepository,
} from '@dunning/db';
import { DATABASE } from '../database/database.module';
import { SignalRelayService } from '../dunning/signal-relay.service';
import { FlowsService } from '../flows/flows.service';

/** A score as it arrives: by hand, the API, a CSV, a provider's webhook, or a column of the invoice import. */
export interface IncomingScore {
  customerId: string;
  score: number;
  provider: string;
  source: ScoreSource;
  scoredAt: Date;
  externalId?: string;
  note?: string;
  /** Recorded only when it differs from the customer's score (a customers' write or an invoice import carrying the score it already has). */
  onlyIfChanged?: boolean;
}

/** What a score did to its customer (an entry per score given; a score left out by onlyIfChanged has none). */
export interface ScoreEffect {
  recorded: boolean;
  row: SolvencyScoreRow;
  riskScore: number | null;
  band: ScoreBand | null;
  previousBand: ScoreBand | null;
  rerouted: number;
  alert: boolean;
  creditLimit: { before: number; after: number; currency: string } | null;
}

export const SOLVENCY_SETTINGS_KEY = 'solvency';

const BAND_WORDS: Record<ScoreBand, string> = { very_good: 'very good', correct: 'correct', fragile: 'fragile', poor: 'poor' };

/**
 * Customers' solvency scores — the one writer of `customers.risk_score` (the score scored last) and
 * of the credit-limit cut a drop asks for. In one transaction with each new score: the history row;
 * when the band changes, a `reroute` signal (outbox) for each running invoice whose flow allows it
 * and whose assignment rules now pick another flow; below the alert threshold, an exception.
 */
@Injectable()
export class SolvencyScoresService {
  private readonly logger = new Logger('Solvency');

  constructor(
    @Inject(DATABASE) private readonly database: DatabaseHandle,
    private readonly scores: SolvencyScoresRepository,
    private readonly settings: SettingsRepository,
    private readonly flows: FlowsService,
    private readonly relay: SignalRelayService,
  ) {}

  /** Records scores in one transaction, then delivers the re-routes. */
  async record(scores: IncomingScore[]): Promise<ScoreEffect[]> {
    const effects = await this.database.db.transaction((tx) => this.recordIn(tx as unknown as Database, scores));
    if (effects.some((e) => e.rerouted > 0)) await this.flush();
    return effects;
  }

  /**
   * A customers' write that carries a score (POST or PATCH /api/customers): the write and the score
   * in one transaction; the score is recorded (source `manual`) only when it changes the customer's.
   */
  async writeCustomer<T extends { id: string }>(write: (tx: Database) => Promise<T | undefined>, riskScore: number | undefined): Promise<T | undefined> {
    const { row, effects } = await this.database.db.transaction(async (transaction) => {
      const tx = transaction as unknown as Database;
      const row = await write(tx);
      if (!row || riskScore === undefined) return { row, effects: [] };
      const effects = await this.recordIn(tx, [{ customerId: row.id, score: riskScore, provider: 'manual', source: 'manual', scoredAt: new Date(), onlyIfChanged: true }]);
      return { row, effects };
    });
    if (effects.some((e) => e.rerouted > 0)) await this.flush();
    return row;
  }

  /** Delivers the outbox (after the caller's transaction committed); a failure is left to the relay's sweep. */
  async flush(): Promise<void> {
    await this.relay.flush().catch((error) => this.logger.warn(`delivering re-routes: ${(error as Error).message}`));
  }

  async settingsNow(db: Database = this.database.db): Promise<SolvencySettings> {
    const stored = (await new SettingsRepository(db).all())[SOLVENCY_SETTINGS_KEY];
    const parsed = solvencySettings.partial().safeParse(stored ?? {});
    return { ...DEFAULT_SOLVENCY_SETTINGS, ...(parsed.success ? parsed.data : {}) };
  }

  async saveSettings(changes: Partial<SolvencySettings>, userId?: string): Promise<SolvencySettings> {
    const next = { ...(await this.settingsNow()), ...changes };
    await this.settings.set({ [SOLVENCY_SETTINGS_KEY]: next }, userId);
    return next;
  }

  /** Inside the caller's transaction (the invoice import's, a CSV's); the caller calls flush() after it commits. */
  async recordIn(tx: Database, incoming: IncomingScore[]): Promise<ScoreEffect[]> {
    if (incoming.length === 0) return [];
    const settings = await this.settingsNow(tx);
    const customerIds = [...new Set(incoming.map((s) => s.customerId))];
    const customers = new Map((await this.scores.lockCustomers(customerIds, tx)).map((c) => [c.id, c]));
    const missing = customerIds.find((id) => !customers.has(id));
    if (missing) throw new NotFoundException(`customer ${missing} not found`);

    const kept = incoming.filter((s) => !s.onlyIfChanged || customers.get(s.customerId)!.riskScore !== s.score);
    const inserted = await this.scores.insertMany(
      kept.map(({ customerId, score, provider, source, scoredAt, externalId, note }) => ({ customerId, score, provider, source, scoredAt, externalId, note })),
      tx,
    );
    const insertedIds = new Set(inserted.map((r) => r.id));
    const touched = [...new Set(inserted.map((r) => r.customerId))];
    const latest = await this.scores.latestOf(touched, tx);

    // Each customer's new score, band, re-routes, alert.
    const perCustomer = new Map<string, Omit<ScoreEffect, 'recorded' | 'row'>>();
    const changed: Array<{ customerId: string; riskScore: number }> = [];
    const bandChanged: Array<{ customerId: string; scoreId: string; reason: string; riskScore: number }> = [];
    for (const customerId of touched) {
      const customer = customers.get(customerId)!;
      const last = latest.get(customerId)!;
      const previous = customer.riskScore;
      const now = last.score;
      const effect: Omit<ScoreEffect, 'recorded' | 'row'> = {
        riskScore: now,
        band: scoreBand(now),
        previousBand: previous === null ? null : scoreBand(previous),
        rerouted: 0,
        alert: false,
        creditLimit: null,
      };
      perCustomer.set(customerId, effect);
      // An older score delivered late changes nothing: the customer's score is the one scored last.
      if (now === previous || !insertedIds.has(last.id)) continue;
      changed.push({ customerId, riskScore: now });
      // Unscored customers started on the band of the middle score (riskScoreOrDefault): that is the band their flow was picked by.
      const before = scoreBand(riskScoreOrDefault(previous));
      if (before !== effect.band) {
        bandChanged.push({
          customerId,
          scoreId: last.id,
          riskScore: now,
          reason: `solvency band ${BAND_WORDS[before]} → ${BAND_WORDS[effect.band!]} (score ${previous ?? 'none'} → ${now}, ${last.provider})`,
        });
      }
      // A drop below the threshold (from a score at or above it): an alert, and the credit limit cut when the settings say so.
      if (previous !== null && now < previous && now < settings.alertBelow) {
        effect.alert = true;
        const crossed = previous >= settings.alertBelow;
        if (crossed && settings.lowerCreditLimitPercent && customer.creditLimit !== null && customer.creditLimitCurrency) {
          const after = Math.floor((customer.creditLimit * (100 - settings.lowerCreditLimitPercent)) / 100);
          await this.scores.setCreditLimit(customerId, after, tx);
          effect.creditLimit = { before: customer.creditLimit, after, currency: customer.creditLimitCurrency };
        }
        await new ExceptionsRepository(tx).report(
          {
            kind: 'score_drop',
            dedupeKey: `score_drop:${last.id}`,
            customerId,
            message:
              `${customer.name}: solvency score ${previous} → ${now} (${last.provider}), below the alert threshold ${settings.alertBelow}` +
              (effect.creditLimit ? `; credit limit lowered by ${settings.lowerCreditLimitPercent} %` : ''),
            detail: { scoreId: last.id, previous, score: now, provider: last.provider, alertBelow: settings.alertBelow, creditLimit: effect.creditLimit },
          },
          tx,
        );
      }
    }
    await this.scores.setRiskScores(changed, tx);
    for (const [customerId, count] of await this.reroute(tx, bandChanged, customers)) perCustomer.get(customerId)!.rerouted = count;

    // One entry per score given: a replay answers the row first recorded.
    const insertedByKey = new Map<string, SolvencyScoreRow[]>();
    for (const row of inserted) insertedByKey.set(scoreKey(row), [...(insertedByKey.get(scoreKey(row)) ?? []), row]);
    const effects: ScoreEffect[] = [];
    for (const score of kept) {
      const row = insertedByKey.get(scoreKey(score))?.shift();
      if (row) {
        effects.push({ recorded: true, row, ...perCustomer.get(score.customerId)! });
        continue;
      }
      const existing = score.externalId ? await this.scores.byExternalId(score.provider, score.externalId, tx) : undefined;
      if (!existing) throw new UnprocessableEntityException(`a score of ${score.provider} could not be recorded`);
      const customer = customers.get(score.customerId)!;
      const current = perCustomer.get(score.customerId)?.riskScore ?? customer.riskScore;
      effects.push({
        recorded: false,
        row: existing,
        riskScore: current,
        band: current === null ? null : scoreBand(current),
        previousBand: customer.riskScore === null ? null : scoreBand(customer.riskScore),
        rerouted: 0,
        alert: false,
        creditLimit: null,
      });
    }
    return effects;
  }

  /**
   * For each customer whose band changed, its running invoices whose flow says it may be re-routed
   * (`rerouteOnScoreChange` on the version they run) and whose assignment rules now pick another
   * flow: a `reroute` signal in the outbox, keyed by score and invoice. Answers the count per customer.
   */
  private async reroute(
    tx: Database,
    changes: Array<{ customerId: string; scoreId: string; reason: string; riskScore: number }>,
    customers: Map<string, { segment: string | null }>,
  ): Promise<Map<string, number>> {
    const counts = new Map<string, number>();
    if (changes.length === 0) return counts;
    const byCustomer = new Map(changes.map((c) => [c.customerId, c]));
    const running = await this.scores.runningInvoices([...byCustomer.keys()], tx);
    const flows = new FlowsRepository(tx);
    const allowsReroute = new Map<string, boolean>();
    const signals = [];
    const choose = await this.flows.versionChooser(tx);
    for (const invoice of running) {
      const change = byCustomer.get(invoice.customerId)!;
      let target;
      try {
        target = await choose({ id: invoice.customerId, riskScore: change.riskScore, segment: customers.get(invoice.customerId)!.segment }, invoice);
      } catch (error) {
        if (error instanceof UnprocessableEntityException) continue; // no rule picks a flow: the invoice stays where it is
        throw error;
      }
      if (target.flowId === invoice.flowId) continue;
      const versionKey = `${invoice.flowId}:${invoice.flowVersion}`;
      if (!allowsReroute.has(versionKey)) {
        const current = await flows.version(invoice.flowId!, invoice.flowVersion!);
        allowsReroute.set(versionKey, (current?.graph as { rerouteOnScoreChange?: unknown } | undefined)?.rerouteOnScoreChange === true);
      }
      if (!allowsReroute.get(versionKey)) continue;
      signals.push({
        invoiceId: invoice.id,
        workflowId: invoice.workflowId!,
        signal: 'reroute',
        payload: { flowId: target.flowId, flowVersion: target.version, reason: change.reason, riskScore: change.riskScore, eventKey: `reroute:${change.scoreId}:${invoice.id}` },
      });
      counts.set(invoice.customerId, (counts.get(invoice.customerId) ?? 0) + 1);
    }
    await new WorkflowSignalsRepository(tx).enqueue(signals, tx);
    return counts;
  }
}

function scoreKey(score: { customerId: string; provider: string; externalId?: string | null; scoredAt: Date; score: number }): string {
  return score.externalId ? `${score.provider}\u0000${score.externalId}` : `${score.customerId}\u0000${score.provider}\u0000${score.scoredAt.getTime()}\u0000${score.score}`;
}
