import { ConflictException, Injectable, NotFoundException, Optional, UnprocessableEntityException } from '@nestjs/common';
import type { AssignmentRuleInput, FlowSimulation } from '@dunning/api-contract';
import { SCORE_BAND_RANGES, chooseArm, riskScoreOrDefault } from '@dunning/domain';
import { publicHolidayNames, publicHolidays } from '@dunning/domain/holidays';
import { type Database, ExperimentsRepository, type FlowAssignmentRow, type FlowVersionRow, FlowsRepository, SettingsRepository } from '@dunning/db';
import {
  type Flow,
  type FlowEvent,
  type InvoiceFacts,
  type ScriptedCallOutcome,
  courtFlow,
  flowSchema,
  gentleFlow,
  simulate,
  standardFlow,
  strictFlow,
  validateFlow,
} from '@dunning/flow';
import { loadTemplateCatalog } from '@dunning/templating';
import { TemplateLibraryService } from '../templates/template-library.service';

/** Without the templates module (unit tests): the templates on disk. */
const DISK_TEMPLATES = loadTemplateCatalog();

/** A draft as the contract takes it: flow-shaped, possibly with problems. */
type DraftGraph = Record<string, unknown>;

/** The customer facts a flow is chosen by. */
export type ChoosingCustomer = { id: string; riskScore: number | null; segment: string | null };

/** The flow version an invoice runs, and the experiment arm that chose it, if any. */
export type FlowChoice = FlowVersionRow & { experiment?: { id: string; arm: string } };

/** Flows: drafts, validation, immutable versions, assignment rules, simulation. */
@Injectable()
export class FlowsService {
  constructor(
    private readonly flows: FlowsRepository,
    /** The company's sending defaults (settings `sending`): a new flow starts with that window. */
    @Optional() private readonly settings?: SettingsRepository,
    /** The templates flows can name: on disk and created in the app. */
    @Optional() private readonly templateLibrary?: TemplateLibraryService,
    /** The running experiments that split a rule's invoices (none without it: unit tests). */
    @Optional() private readonly experiments?: ExperimentsRepository,
  ) {}

  private async templates() {
    return (await this.templateLibrary?.catalog()) ?? DISK_TEMPLATES;
  }

  /** First start: the default flows, published; three assigned by solvency band. */
  async seedDefaults(): Promise<void> {
    if ((await this.flows.list()).length > 0) return;
    const ids: Record<string, string> = {};
    // The court flow is offered, not assigned: a credit manager adds a rule for it (a segment, an amount).
    for (const flow of [standardFlow(), gentleFlow(), strictFlow(), courtFlow()]) {
      const row = await this.flows.create({ name: flow.name, description: flow.description, draftGraph: flow as unknown as Record<string, unknown> });
      await this.flows.publish(row.id, flow as unknown as Record<string, unknown>);
      ids[flow.id] = row.id;
    }
    await this.flows.replaceAssignments([
      // The solvency bands (libs/domain risk-score.ts): very good 8–10 → gentle, poor 1–3 → strict, the others standard.
      { flowId: ids.gentle!, priority: 1, riskMin: SCORE_BAND_RANGES.very_good.min, riskMax: SCORE_BAND_RANGES.very_good.max },
      { flowId: ids.strict!, priority: 2, riskMin: SCORE_BAND_RANGES.poor.min, riskMax: SCORE_BAND_RANGES.poor.max },
      { flowId: ids.standard!, priority: 100 },
    ]);
  }

  list() {
    return this.flows.list();
  }

  /** The window the admin set as the company's default (the API validated it), if any. */
  private async defaultWindow(): Promise<Flow['sendingWindow'] | undefined> {
    const sending = (await this.settings?.all())?.sending as Partial<Flow['sendingWindow']> | undefined;
    if (!sending?.start || !sending.end || !sending.weekdays) return undefined;
    return { start: sending.start, end: sending.end, weekdays: [...sending.weekdays], skipHolidays: sending.skipHolidays ?? true };
  }

  async get(id: string) {
    const flow = await this.flows.findById(id);
    if (!flow) throw new NotFoundException(`flow ${id} not found`);
    return { ...flow, problems: validateFlow(flow.draftGraph, { templates: await this.templates() }), versions: await this.flows.versions(id) };
  }

  async create(name: string, graph: DraftGraph | undefined) {
    if (await this.flows.findByName(name)) throw nameTaken(name);
    const row = await this.flows.create({ name, draftGraph: graph ?? (emptyFlow(name, await this.defaultWindow()) as unknown as DraftGraph) });
    return { ...row, problems: validateFlow(row.draftGraph, { templates: await this.templates() }) };
  }

  /** Saves a draft as it is (drafts may be invalid while being edited); returns its problems. */
  async saveDraft(id: string, graph: DraftGraph, name?: string) {
    if (!(await this.flows.findById(id))) throw new NotFoundException(`flow ${id} not found`);
    const namesake = name ? await this.flows.findByName(name) : undefined;
    if (namesake && namesake.id !== id) throw nameTaken(name!);
    const row = await this.flows.saveDraft(id, { draftGraph: graph, ...(name ? { name } : {}) });
    if (!row) throw new NotFoundException(`flow ${id} not found`);
    return { ...row, problems: validateFlow(graph, { templates: await this.templates() }) };
  }

  async validate(graph: unknown) {
    return { problems: validateFlow(graph, { templates: await this.templates() }) };
  }

  /** Publishes the draft as an immutable version, refused while it has problems. */
  async publish(id: string, userId?: string): Promise<FlowVersionRow> {
    const flow = await this.flows.findById(id);
    if (!flow) throw new NotFoundException(`flow ${id} not found`);
    const problems = validateFlow(flow.draftGraph, { templates: await this.templates() });
    if (problems.length > 0) throw new UnprocessableEntityException({ message: `the flow has ${problems.length} problem(s)`, problems });
    return this.flows.publish(id, flowSchema.parse(flow.draftGraph) as unknown as Record<string, unknown>, userId);
  }

  async versions(id: string) {
    if (!(await this.flows.findById(id))) throw new NotFoundException(`flow ${id} not found`);
    return this.flows.versions(id);
  }

  async version(id: string, version: number) {
    const row = await this.flows.version(id, version);
    if (!row) throw new NotFoundException(`flow ${id} has no version ${version}`);
    return row;
  }

  assignments() {
    return this.flows.assignments();
  }

  /** Replaces every rule at once; nothing changes when a rule names a flow that has no published version. */
  async replaceAssignments(rules: AssignmentRuleInput[]) {
    const problems: Array<{ field: string; message: string }> = [];
    for (const [index, rule] of rules.entries()) {
      if (!(await this.flows.latestVersion(rule.flowId))) problems.push({ field: `rules.${index}.flowId`, message: `flow ${rule.flowId} has no published version to assign` });
    }
    const running = new Set(rules.some((r) => r.experimentId) ? ((await this.experiments?.running()) ?? []).map((e) => e.id) : []);
    for (const [index, rule] of rules.entries()) {
      if (rule.experimentId && !running.has(rule.experimentId)) problems.push({ field: `rules.${index}.experimentId`, message: 'no running experiment has this id' });
    }
    if (problems.length > 0) throw new UnprocessableEntityException({ message: problems.map((p) => `${p.field}: ${p.message}`).join('; '), problems });
    return this.flows.replaceAssignments(rules);
  }

  /**
   * The flow version for each of many invoices (a page of starts after an import): the rules and
   * running experiments read once, each version once. Same answers as versionFor.
   */
  async versionChooser(db?: Database): Promise<(customer: ChoosingCustomer, invoice: { amount: number; currency: string }) => Promise<FlowChoice>> {
    const flows = db ? new FlowsRepository(db) : this.flows;
    const rules = await flows.assignments();
    const experimentsRepository = db ? new ExperimentsRepository(db) : this.experiments;
    const experiments = new Map(rules.some((r) => r.experimentId) && experimentsRepository ? (await experimentsRepository.running()).map((e) => [e.id, e]) : []);
    const versions = new Map<string, Promise<FlowVersionRow | undefined>>();
    const versionOf = (flowId: string, version?: number) => {
      const key = `${flowId}:${version ?? 'latest'}`;
      if (!versions.has(key)) versions.set(key, version === undefined ? flows.latestVersion(flowId) : flows.version(flowId, version));
      return versions.get(key)!;
    };
    return async (customer, invoice) => {
      const rule = rules.find((r) => ruleMatches(r, customer, invoice));
      if (!rule) throw new UnprocessableEntityException('no flow is assigned to this invoice: add an assignment rule');
      // A running experiment splits the rule's invoices by customer: all of a customer's invoices run one arm.
      const experiment = rule.experimentId ? experiments.get(rule.experimentId) : undefined;
      if (experiment) {
        const arm = chooseArm(experiment.id, customer.id, experiment.arms);
        const version = await versionOf(arm.flowId, arm.flowVersion);
        if (version) return { ...version, experiment: { id: experiment.id, arm: arm.key } };
      }
      const version = await versionOf(rule.flowId);
      if (!version) throw new UnprocessableEntityException('no flow is assigned to this invoice: add an assignment rule');
      return version;
    };
  }

  /**
   * The flow version an invoice runs: the first assignment rule that matches, by priority (an
   * experiment's arm when that rule runs one). `db`: a transaction to read in (the solvency scores
   * re-route running invoices inside theirs).
   */
  async versionFor(customer: ChoosingCustomer, invoice: { amount: number; currency: string }, db?: Database): Promise<FlowChoice> {
    return (await this.versionChooser(db))(customer, invoice);
  }

  /** The flow's timeline for a sample invoice; a flow with problems, or a country without a holiday calendar, is refused (422). */
  async simulate(
    flow: Flow,
    invoice: InvoiceFacts,
    options: { country: string; timeZone: string; start: string; events?: FlowEvent[]; callOutcomes?: Record<string, ScriptedCallOutcome>; locale?: string },
  ): Promise<FlowSimulation> {
    const problems = validateFlow(flow);
    if (problems.length > 0) {
      throw new UnprocessableEntityException({ message: `the flow has ${problems.length} problem(s)`, problems });
    }
    const year = new Date(options.start).getUTCFullYear();
    let holidays: string[];
    let holidayNames: Record<string, string>;
    try {
      holidays = publicHolidays(options.country, year, year + 2);
      holidayNames = publicHolidayNames(options.country, year, year + 2, options.locale ?? 'en');
    } catch {
      throw new UnprocessableEntityException({
        message: `country ${options.country}: no public holiday calendar`,
        problems: [{ field: 'country', message: 'no public holiday calendar for this country' }],
      });
    }
    const lateRates = await this.settings?.lateRates();
    return simulate(flow, invoice, {
      calendar: { timeZone: options.timeZone, holidays },
      start: options.start,
      events: options.events,
      callOutcomes: options.callOutcomes,
      holidayNames,
      // The rates the books charge late interest at, so fees and amount branches come out as they will.
      ...(lateRates && lateRates.length > 0 ? { lateRates } : {}),
    });
  }
}

function ruleMatches(rule: FlowAssignmentRow, customer: ChoosingCustomer, invoice: { amount: number; currency: string }): boolean {
  const score = riskScoreOrDefault(customer.riskScore);
  if (rule.riskMin !== null && score < rule.riskMin) return false;
  if (rule.riskMax !== null && score > rule.riskMax) return false;
  if (rule.segment !== null && rule.segment !== customer.segment) return false;
  if ((rule.amountMin !== null || rule.amountMax !== null) && rule.currency !== invoice.currency) return false;
  if (rule.amountMin !== null && invoice.amount < rule.amountMin) return false;
  if (rule.amountMax !== null && invoice.amount > rule.amountMax) return false;
  return true;
}

function emptyFlow(name: string, sendingWindow?: Flow['sendingWindow']): Flow {
  const base = standardFlow();
  return {
    ...base,
    sendingWindow: sendingWindow ?? base.sendingWindow,
    id: name.toLowerCase().replace(/[^a-z0-9]+/g, '-'),
    name,
    description: undefined,
    nodes: [{ id: 'start', kind: 'start', position: { x: 0, y: 0 }, data: {} }],
    edges: [],
  };
}

function nameTaken(name: string): ConflictException {
  return new ConflictException({ message: `a flow named “${name}” exists`, problems: [{ field: 'name', message: 'another flow has this name' }] });
}
