import { CONTACT_ROLES, RECEIVABLE_STATUSES } from '@dunning/domain';
import { pgEnum } from 'drizzle-orm/pg-core';

// Closed vocabularies live in the database as enums, so a typo in any writer fails loudly.
export const USER_ROLES = ['admin', 'credit_manager', 'collector', 'agency'] as const;
export type UserRole = (typeof USER_ROLES)[number];

export const LOCALES = ['fr', 'en'] as const;
export type Locale = (typeof LOCALES)[number];

export { CONTACT_ROLES, type ContactRole } from '@dunning/domain';

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
export const DOCUMENT_KINDS = ['invoice', 'letter', 'handoff'] as const;
export type DocumentKind = (typeof DOCUMENT_KINDS)[number];

export const IMPORT_STATUSES = ['queued', 'validating', 'writing', 'succeeded', 'rejected', 'failed'] as const;
export type ImportStatus = (typeof IMPORT_STATUSES)[number];
export const IMPORT_FORMATS = ['csv', 'xlsx'] as const;
export type ImportFormat = (typeof IMPORT_FORMATS)[number];

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
