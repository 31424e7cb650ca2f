import type { Money, TemplateChannel } from '@dunning/domain';

/** The one contract between the dunning steps and every template: what a template may use. */
export interface ReminderTemplateContext {
  locale: 'fr' | 'en';
  /** The customer's IANA time zone: dates render in it. */
  timeZone: string;
  /** When the message goes out (UTC ISO): the date of a letter. */
  sentAt: string;
  creditor: {
    name: string;
    email: string;
    phone: string;
    addressLines: string[];
    iban?: string;
    legalMentions?: string;
  };
  customer: { name: string; contactName?: string; addressLines: string[] };
  invoices: Array<{
    number: string;
    issueDate: string;
    dueDate: string;
    amount: Money;
    balance: Money;
    daysOverdue: number;
  }>;
  /** Everything owed: what is left of the invoices plus the fees charged (`fees`, included in it). */
  totalBalance: Money;
  /** The recovery indemnity and late interest charged so far (in the books and in `totalBalance`). */
  fees?: { indemnity: Money; interest: Money; annualInterestRatePercent: number };
  /** A formal notice: the days it gives and the last day (Code civil 1344), written in the letter. */
  notice?: { periodDays: number; deadline: string };
  paymentUrl?: string;
  promise?: { date: string; amount: Money };
}

/** The channels templates are written for (the domain's vocabulary). */
export type { TemplateChannel };

/** The files of each channel: an email has a subject, HTML and text; an SMS a body… */
export const CHANNEL_PARTS: Record<TemplateChannel, readonly string[]> = {
  email: ['subject', 'html', 'text'],
  sms: ['body'],
  letter: ['subject', 'body'],
  call: ['body'],
};

/** Parts rendered as HTML (escaped); the others are plain text (not escaped). */
export const HTML_PARTS: ReadonlySet<string> = new Set(['email/html', 'letter/body']);

export type RenderedTemplate = Partial<Record<'subject' | 'html' | 'text' | 'body', string>>;
