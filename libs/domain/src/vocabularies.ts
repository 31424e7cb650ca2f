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
export const DOCUMENT_KINDS = ['invoice', 'letter', 'handoff'] as const;
export type DocumentKind = (typeof DOCUMENT_KINDS)[number];

export const IMPORT_STATUSES = ['queued', 'validating', 'writing', 'succeeded', 'rejected', 'failed'] as const;
export type ImportStatus = (typeof IMPORT_STATUSES)[number];
export const IMPORT_FORMATS = ['csv', 'xlsx'] as const;
export type ImportFormat = (typeof IMPORT_FORMATS)[number];
