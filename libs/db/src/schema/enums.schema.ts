import {
  EXPERIMENT_STATUSES,
  AGENCY_DELIVERY_METHODS,
  CALL_OUTCOMES,
  CALL_TASK_STATUSES,
  CONTACT_ROLES,
  DISPUTE_STATUSES,
  DOCUMENT_KINDS,
  HANDOFF_STATUSES,
  IMPORT_FORMATS,
  IMPORT_STATUSES,
  LOCALES,
  MESSAGE_CHANNELS,
  MESSAGE_EVENT_TYPES,
  MESSAGE_STATUSES,
  PROMISE_STATUSES,
  RECEIVABLE_STATUSES,
  USER_ROLES,
} from '@dunning/domain';
import { pgEnum } from 'drizzle-orm/pg-core';

// Closed vocabularies (libs/domain/src/vocabularies.ts) live in the database as enums, so a typo in any writer fails loudly.
export {
  USER_ROLES,
  type UserRole,
  LOCALES,
  type Locale,
  AGENCY_DELIVERY_METHODS,
  type AgencyDeliveryMethod,
  MESSAGE_CHANNELS,
  MESSAGE_STATUSES,
  type MessageStatus,
  MESSAGE_EVENT_TYPES,
  type MessageEventType,
  CALL_TASK_STATUSES,
  CALL_OUTCOMES,
  type CallOutcome,
  DISPUTE_STATUSES,
  PROMISE_STATUSES,
  type PromiseStatus,
  HANDOFF_STATUSES,
  type HandoffStatus,
  DOCUMENT_KINDS,
  type DocumentKind,
  IMPORT_STATUSES,
  type ImportStatus,
  IMPORT_FORMATS,
  type ImportFormat,
  CONTACT_ROLES,
  type ContactRole,
} from '@dunning/domain';
import { CLAIM_INTERRUPTION_KINDS, COURTS, INSURANCE_DECLARATION_KINDS, INSURANCE_DECLARATION_STATUSES, LEGAL_CASE_STAGES, LEGAL_ROUTES, SCORE_SOURCES } from '@dunning/domain';

export const userRole = pgEnum('user_role', USER_ROLES);
export const locale = pgEnum('locale', LOCALES);
export const contactRole = pgEnum('contact_role', CONTACT_ROLES);
export const invoiceStatus = pgEnum('invoice_status', RECEIVABLE_STATUSES);
export const agencyDeliveryMethod = pgEnum('agency_delivery_method', AGENCY_DELIVERY_METHODS);
export const messageChannel = pgEnum('message_channel', MESSAGE_CHANNELS);
export const messageStatus = pgEnum('message_status', MESSAGE_STATUSES);
export const messageEventType = pgEnum('message_event_type', MESSAGE_EVENT_TYPES);
export const callTaskStatus = pgEnum('call_task_status', CALL_TASK_STATUSES);
export const callOutcome = pgEnum('call_outcome', CALL_OUTCOMES);
export const disputeStatus = pgEnum('dispute_status', DISPUTE_STATUSES);
export const promiseStatus = pgEnum('promise_status', PROMISE_STATUSES);
export const handoffStatus = pgEnum('handoff_status', HANDOFF_STATUSES);
export const documentKind = pgEnum('document_kind', DOCUMENT_KINDS);
export const importStatus = pgEnum('import_status', IMPORT_STATUSES);
export const importFormat = pgEnum('import_format', IMPORT_FORMATS);
export const claimInterruptionKind = pgEnum('claim_interruption_kind', CLAIM_INTERRUPTION_KINDS);
export const legalRoute = pgEnum('legal_route', LEGAL_ROUTES);
export const court = pgEnum('court', COURTS);
export const legalCaseStage = pgEnum('legal_case_stage', LEGAL_CASE_STAGES);
export const insuranceDeclarationKind = pgEnum('insurance_declaration_kind', INSURANCE_DECLARATION_KINDS);
export const insuranceDeclarationStatus = pgEnum('insurance_declaration_status', INSURANCE_DECLARATION_STATUSES);
export const scoreSource = pgEnum('score_source', SCORE_SOURCES);
export const experimentStatus = pgEnum('experiment_status', EXPERIMENT_STATUSES);
