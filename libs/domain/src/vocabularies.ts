/**
 * The product's closed vocabularies: the database stores them as enums (libs/db), the API's
 * contract (libs/api-contract) and the web app import them from here, so nobody re-declares them.
 */
export const USER_ROLES = ['admin', 'credit_manager', 'collector', 'agency'] as const;
export type UserRole = (typeof USER_ROLES)[number];

export const LOCALES = ['fr', 'en'] as const;
export type Locale = (typeof LOCALES)[number];

/** `api`: the agency downloads from its portal (always possible); `sftp` and `webhook` also push it. */
export const AGENCY_DELIVERY_METHODS = ['api', 'email', 'sftp', 'webhook'] as const;
export type AgencyDeliveryMethod = (typeof AGENCY_DELIVERY_METHODS)[number];
export const MESSAGE_CHANNELS = ['email', 'sms', 'letter'] as const;
export const MESSAGE_STATUSES = ['pending', 'sent', 'delivered', 'opened', 'bounced', 'failed'] as const;
export type MessageStatus = (typeof MESSAGE_STATUSES)[number];
export const MESSAGE_EVENT_TYPES = ['sent', 'delivered', 'opened', 'clicked', 'bounced', 'complained', 'failed'] as const;
export type MessageEventType = (typeof MESSAGE_EVENT_TYPES)[number];

export const CALL_TASK_STATUSES = ['open', 'claimed', 'done'] as const;
export const CALL_OUTCOMES = ['promise_to_pay', 'dispute', 'paid', 'no_answer', 'wrong_contact', 'sla_expired'] as const;
export type CallOutcome = (typeof CALL_OUTCOMES)[number];

export const DISPUTE_STATUSES = ['open', 'resolved'] as const;
export const PROMISE_STATUSES = ['pending', 'kept', 'broken', 'cancelled'] as const;
export type PromiseStatus = (typeof PROMISE_STATUSES)[number];
export const HANDOFF_STATUSES = ['pending', 'delivered', 'acknowledged', 'accepted', 'collecting', 'closed'] as const;
export type HandoffStatus = (typeof HANDOFF_STATUSES)[number];
/** `supporting`: what makes a claim certain (an order, a signed quote, a delivery note…), attached by a person; dossiers are generated for court routes and insurers. */
export const DOCUMENT_KINDS = ['invoice', 'letter', 'handoff', 'supporting', 'legal_dossier', 'insurance_dossier'] as const;
export type DocumentKind = (typeof DOCUMENT_KINDS)[number];

export const IMPORT_STATUSES = ['queued', 'validating', 'writing', 'succeeded', 'rejected', 'failed'] as const;
export type ImportStatus = (typeof IMPORT_STATUSES)[number];
export const IMPORT_FORMATS = ['csv', 'xlsx'] as const;
export type ImportFormat = (typeof IMPORT_FORMATS)[number];
/** The fields a column of an imported file can be mapped to (the English template's column names). */
export const IMPORT_FIELDS = [
  'invoice_number',
  'issue_date',
  'due_date',
  'amount',
  'vat_amount',
  'late_interest_rate',
  'currency',
  'customer_reference',
  'customer_name',
  'customer_email',
  'customer_phone',
  'customer_locale',
  'customer_country',
  'customer_time_zone',
  'customer_risk_score',
  'customer_segment',
  'customer_legal_id',
  'customer_type',
  'customer_address',
  'customer_sector',
  'payment_term',
  'receipt_date',
  'supporting_reference',
] as const;
export type ImportField = (typeof IMPORT_FIELDS)[number];
/** The columns an imported file must have (without a currency column every line is in EUR; without a customer reference, a customer is known by its name). */
export const REQUIRED_IMPORT_FIELDS = ['invoice_number', 'issue_date', 'due_date', 'amount', 'customer_name'] as const satisfies readonly ImportField[];
/** How an import knew what a column of the file is: its usual name, a saved mapping, the mapping sent with the file, or no header (ignored). */
export const IMPORT_COLUMN_SOURCES = ['recognized', 'saved', 'explicit', 'empty'] as const;
export type ImportColumnSource = (typeof IMPORT_COLUMN_SOURCES)[number];
/** The separators an imported CSV may use between its columns. */
export const CSV_SEPARATORS = [',', ';', '\t'] as const;
export type CsvSeparator = (typeof CSV_SEPARATORS)[number];

/** What needs a person (the exceptions inbox): a bounce, a missing contact, a failed start or letter, an expired call, a configuration error, a send cap, a held flow, a failed delivery. */
export const EXCEPTION_KINDS = [
  'bounce',
  'missing_contact',
  'start_failed',
  'letter_failed',
  'call_sla_expired',
  'configuration',
  'send_cap',
  'flow_held',
  'delivery_failed',
  'not_recoverable',
  'claim_age',
  'score_drop',
  'insurance_deadline',
] as const;
export type ExceptionKind = (typeof EXCEPTION_KINDS)[number];
export const EXCEPTION_STATUSES = ['open', 'resolved'] as const;

/** Who calls the API: a signed-in user (cookie or bearer session), or a collections agency by its API key. */
export const PRINCIPAL_KINDS = ['user', 'agency-key'] as const;
export type PrincipalKind = (typeof PRINCIPAL_KINDS)[number];

/** A company or a person (a consumer): only companies owe the fixed recovery indemnity. */
export const CUSTOMER_TYPES = ['company', 'person'] as const;
export type CustomerType = (typeof CUSTOMER_TYPES)[number];

/** What a provider's delivery webhook did: recorded on its message, a replay of one already recorded, about a message we never sent, or carried nothing to record. */
export const DELIVERY_EVENT_RESULTS = ['recorded', 'duplicate', 'unknown_message', 'ignored'] as const;
export type DeliveryEventResult = (typeof DELIVERY_EVENT_RESULTS)[number];

/** What a collections agency reports on a case: `recovered` adds money without moving the case; `closed` ends it. */
export const AGENCY_REPORT_STATUSES = ['accepted', 'collecting', 'recovered', 'closed'] as const;
export type AgencyReportStatus = (typeof AGENCY_REPORT_STATUSES)[number];

/** What a template is written for: the three message channels and the collector's call script. */
export const TEMPLATE_CHANNELS = ['email', 'sms', 'letter', 'call'] as const;
export type TemplateChannel = (typeof TEMPLATE_CHANNELS)[number];

/** What a line of an invoice's timeline records (libs/flow TimelineEntry), the same whether the workflow or the simulator wrote it. */
export const TIMELINE_ENTRY_TYPES = [
  'step',
  'outcome',
  'payment',
  'credit_note',
  'cancelled',
  'dispute_opened',
  'dispute_resolved',
  'promise',
  'promise_kept',
  'promise_broken',
  'paused',
  'resumed',
  'invoice_changed',
  'bounced',
  /** A provider's delivery event on a message (delivered, opened, bounced…), recorded by the API. */
  'delivery',
  /** A collections agency's news on the case (accepted, collecting, recovered, closed). */
  'agency_update',
  'finished',
  /** A step not performed: caught up by a later one, or no longer needed when it was due. */
  'skipped',
  /** The flow stopped at a step for a person (see the exceptions inbox), then went on. */
  'held',
  'released',
  'balance_changed',
  /** A court route's news (filed, order granted, served, opposition…), recorded from a legal case. */
  'legal_case',
  /** A threat of loss declared to the credit insurer, or a claim filed. */
  'insurance',
  /** The invoice moved to another flow at a step boundary (a solvency band change). */
  'rerouted',
  /** The invoice moved to another version of its flow (a person's migration, or its rollback), or stayed: `node_id` is the step it now stands after. */
  'migrated',
  'written_off',
] as const;
export type TimelineEntryType = (typeof TIMELINE_ENTRY_TYPES)[number];

/** What proves a claim certain (Code civil 1353: whoever claims performance must prove the obligation). */
export const SUPPORTING_DOCUMENT_TYPES = ['order', 'signed_quote', 'delivery_note', 'contract', 'other'] as const;
export type SupportingDocumentType = (typeof SUPPORTING_DOCUMENT_TYPES)[number];

/** Events that interrupt the limitation period (Code civil 2240, 2241, 2244) as recorded on an invoice. */
export const CLAIM_INTERRUPTION_KINDS = ['acknowledgement', 'payment_plan_signed', 'partial_payment', 'court_filing', 'enforcement'] as const;
export type ClaimInterruptionKind = (typeof CLAIM_INTERRUPTION_KINDS)[number];

/** Court routes: the simplified recovery procedure for small claims (CPCE L125-1), the order for payment (CPC 1405). */
export const LEGAL_ROUTES = ['simplified_procedure', 'payment_order'] as const;
export type LegalRoute = (typeof LEGAL_ROUTES)[number];
/** Where an order for payment is asked: the commercial court between traders, the judicial court otherwise (CPC 1406). */
export const COURTS = ['tribunal_de_commerce', 'tribunal_judiciaire'] as const;
export type Court = (typeof COURTS)[number];
export const LEGAL_CASE_STAGES = [
  'requested',
  'accepted',
  'refused',
  'no_answer',
  'prepared',
  'filed',
  'granted',
  'rejected',
  'served',
  'opposition',
  'enforceable',
  'closed',
] as const;
export type LegalCaseStage = (typeof LEGAL_CASE_STAGES)[number];

/** Credit insurance: a threat of loss (menace de sinistre) is declared, then a claim filed; the insurer indemnifies or refuses. */
export const INSURANCE_DECLARATION_KINDS = ['threat', 'claim'] as const;
export type InsuranceDeclarationKind = (typeof INSURANCE_DECLARATION_KINDS)[number];
export const INSURANCE_DECLARATION_STATUSES = ['declared', 'indemnified', 'refused', 'withdrawn'] as const;
export type InsuranceDeclarationStatus = (typeof INSURANCE_DECLARATION_STATUSES)[number];

/** Where a solvency score came from. */
export const SCORE_SOURCES = ['manual', 'csv', 'api', 'webhook', 'import'] as const;
export type ScoreSource = (typeof SCORE_SOURCES)[number];

/** A flow experiment splits its rule's invoices while `running`; once `stopped`, the rule routes everyone to the winner. */
export const EXPERIMENT_STATUSES = ['running', 'stopped'] as const;
export type ExperimentStatus = (typeof EXPERIMENT_STATUSES)[number];
