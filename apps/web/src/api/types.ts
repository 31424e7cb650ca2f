import type { z } from 'zod';
import type {
  agedBalanceReport,
  agency,
  agingReport,
  assignmentRule,
  assignmentRuleInput,
  auditEntry,
  callTask,
  changePasswordBody,
  creditAllocationBody,
  creditAllocationResult,
  creditNote,
  createUserBody,
  customerDetail,
  dsoReport,
  dsoTrendReport,
  exceptionEntry,
  exceptionListQuery,
  exceptionPage,
  exceptionResolutionBody,
  exceptionSkipBody,
  flowDetail,
  flowSimulation,
  flowSummary,
  flowVersion,
  flowWithProblems,
  handoffListEntry,
  importAnswer,
  importColumn,
  importJob,
  importNeedsMapping,
  importPreview,
  invoice,
  invoicePage,
  invoiceSnapshot,
  invoiceState,
  lateRate,
  lateRateBody,
  loginBody,
  message,
  messageCountsReport,
  money,
  moneyOutcome,
  outcomeBody,
  payment,
  principal,
  recoveryByStepReport,
  recoveryReportAnswer,
  recoveryReportBody,
  renderedTemplate,
  resetPasswordBody,
  settings,
  settingsBody,
  simulateBody,
  templatePreviewQuery,
  templateRef,
  trialBalanceReport,
  userAccount,
} from '@dunning/api-contract';
import type { UserRole } from '@dunning/domain';

/**
 * A request schema that refuses unknown fields by `.catchall(z.never())` infers an index signature
 * of `never`, which no object satisfies: its declared fields only.
 */
type DeclaredFields<T> = { [K in keyof T as string extends K ? never : K]: T[K] };

/**
 * The API's answers and the bodies the web app sends, inferred from the API's contract
 * (libs/api-contract): `z.output` of a response schema is the JSON on the wire, `z.input` of a
 * request schema is what a client may send. Vocabularies come from @dunning/domain and @dunning/flow.
 */

// Who is calling
export type Role = UserRole;
export type Principal = z.output<typeof principal>;
export type LoginBody = z.input<typeof loginBody>;
export type ChangePasswordBody = z.input<typeof changePasswordBody>;

// Accounts and the audit log
export type UserAccount = z.output<typeof userAccount>;
export type NewUserAccount = z.input<typeof createUserBody>;
export type ResetPasswordBody = z.input<typeof resetPasswordBody>;
export type AuditEntry = z.output<typeof auditEntry>;

// Invoices and their story
export type Money = z.output<typeof money>;
/** An invoice as the books hold it (amounts in minor units). */
export type Invoice = z.output<typeof invoice>;
/** A page of invoices (GET /api/invoices), each with its customer's name. */
export type InvoiceList = z.output<typeof invoicePage>;
export type Message = z.output<typeof message>;
/** The workflow's own view of the invoice (its snapshot query). */
export type InvoiceSnapshot = z.output<typeof invoiceSnapshot>;
export type Payment = z.output<typeof payment>;
export type CreditNote = z.output<typeof creditNote>;
export type InvoiceState = z.output<typeof invoiceState>;
/** One dated line of an invoice's story, the same whether the workflow or the simulator wrote it. */
export type TimelineEntry = InvoiceState['timeline'][number];
/** What the API answers after a money event. */
export type MoneyOutcome = z.output<typeof moneyOutcome>;
export type CustomerDetail = z.output<typeof customerDetail>;
export type CreditAllocationBody = DeclaredFields<z.input<typeof creditAllocationBody>>;
export type CreditAllocationResult = z.output<typeof creditAllocationResult>;

// Flows
export type FlowSummary = z.output<typeof flowSummary>;
export type FlowVersion = z.output<typeof flowVersion>;
/** A flow and its draft's problems (what creating a flow and saving its draft answer). */
export type FlowWithProblems = z.output<typeof flowWithProblems>;
export type FlowDetail = z.output<typeof flowDetail>;
/** An assignment rule as stored (GET /api/flows/assignments). */
export type AssignmentRule = z.output<typeof assignmentRule>;
/** An assignment rule as PUT /api/flows/assignments takes it. */
export type AssignmentRuleInput = z.input<typeof assignmentRuleInput>;
export type SimulationBody = z.input<typeof simulateBody>;
export type SimulationResult = z.output<typeof flowSimulation>;
export type TemplateRef = z.output<typeof templateRef>;
export type TemplatePreviewQuery = z.input<typeof templatePreviewQuery>;
export type RenderedTemplate = z.output<typeof renderedTemplate>;

// The call queue
export type CallTask = z.output<typeof callTask>;
export type TaskInvoice = CallTask['invoices'][number];
export type CompleteTaskBody = z.input<typeof outcomeBody>;

// Imports
/** An import job (GET /api/imports/:id): its progress, then what it wrote or every problem found. */
export type ImportStatus = z.output<typeof importJob>;
/** POST /api/invoices/import: the job, or the columns to map first (`needs_mapping`). */
export type ImportAnswer = z.output<typeof importAnswer>;
export type ImportNeedsMapping = z.output<typeof importNeedsMapping>;
/** POST /api/invoices/import/preview: the same analysis, `ready` when the file can be imported as it is. */
export type ImportPreview = z.output<typeof importPreview>;
export type ImportColumn = z.output<typeof importColumn>;

// Agencies
/** A case handed to an agency, as GET /api/handoffs lists it: one customer, several invoices. */
export type Handoff = z.output<typeof handoffListEntry>;
export type RecoveryReport = z.input<typeof recoveryReportBody>;
export type RecoveryReportAnswer = z.output<typeof recoveryReportAnswer>;
export type Agency = z.output<typeof agency>;

// Reports
export type Aging = z.output<typeof agingReport>;
export type AgingBucket = Aging['buckets'][number];
export type Dso = z.output<typeof dsoReport>;
export type DsoPoint = z.output<typeof dsoTrendReport>[number];
export type RecoveryByStep = z.output<typeof recoveryByStepReport>;
export type MessageCounts = z.output<typeof messageCountsReport>;
export type TrialBalance = z.output<typeof trialBalanceReport>;
export type AgedBalance = z.output<typeof agedBalanceReport>;

// The exceptions inbox
/** An exception as an invoice's state and the inbox's actions answer it. */
export type DunningException = z.output<typeof exceptionEntry>;
export type ExceptionList = z.output<typeof exceptionPage>;
export type ExceptionQuery = z.input<typeof exceptionListQuery>;
export type ExceptionActionBody = z.input<typeof exceptionSkipBody> | z.input<typeof exceptionResolutionBody>;

// Settings
export type LateRate = z.output<typeof lateRate>;
export type LateRateBody = z.input<typeof lateRateBody>;
export type Settings = z.output<typeof settings>;
export type SettingsChange = z.input<typeof settingsBody>;
