/**
 * The creditor's identity: who the reminders, letters and dossiers come from. The admin sets it in
 * the settings (key `creditor`, validated by the API's contract); until then the environment
 * (CREDITOR_*) gives it. Once set, nothing of the environment's placeholder is used.
 */
export interface CreditorIdentity {
  name: string;
  /** Street lines (1 to 3), without the postcode and city. */
  addressLines: string[];
  postcode: string;
  city: string;
  /** ISO 3166-1 alpha-2. */
  country: string;
  siren: string;
  vatNumber?: string;
  iban: string;
  bic?: string;
  legalMentions?: string;
  /** The From address of emails, and the reply address printed in them. */
  senderEmail: string;
  /** The From name of emails (the company's name when unset). */
  senderName?: string;
  /** The alphanumeric SMS sender id (≤ 11 characters); unset, the SMS provider's number sends. */
  smsSender?: string;
  phone?: string;
}

/** What the environment says when no identity is stored (CREDITOR_* variables). */
export interface CreditorFallback {
  name: string;
  email: string;
  phone: string;
  /** Address lines separated by "|" in the environment, already split. */
  addressLines: string[];
  iban?: string;
  siren?: string;
  legalMentions?: string;
}

/** The identity as messages, letters and dossiers print it. */
export interface EffectiveCreditor {
  name: string;
  /** SIREN, for court requests and the FEC file name. */
  legalId?: string;
  vatNumber?: string;
  email: string;
  senderName: string;
  smsSender?: string;
  phone: string;
  /** Every line of the postal address, the postcode and city included (and the country abroad). */
  addressLines: string[];
  iban?: string;
  bic?: string;
  legalMentions?: string;
  /** Where it comes from: the settings, or the environment (the placeholder "Your company" when nothing is configured). */
  source: 'settings' | 'environment';
}

/** The environment's default name: a creditor still called this has not been configured. */
export const PLACEHOLDER_CREDITOR_NAME = 'Your company';

/** A stored value that has the required fields of an identity (the API validated it when it was set). */
export function isCreditorIdentity(value: unknown): value is CreditorIdentity {
  if (typeof value !== 'object' || value === null) return false;
  const v = value as Record<string, unknown>;
  return ['name', 'postcode', 'city', 'country', 'siren', 'iban', 'senderEmail'].every((key) => typeof v[key] === 'string') && Array.isArray(v.addressLines);
}

export function effectiveCreditor(stored: unknown, fallback: CreditorFallback): EffectiveCreditor {
  if (isCreditorIdentity(stored)) {
    const place = `${stored.postcode} ${stored.city}`.trim();
    return {
      name: stored.name,
      legalId: stored.siren,
      vatNumber: stored.vatNumber,
      email: stored.senderEmail,
      senderName: stored.senderName || stored.name,
      smsSender: stored.smsSender || undefined,
      phone: stored.phone ?? '',
      addressLines: [...stored.addressLines, place, ...(stored.country !== 'FR' ? [stored.country] : [])].filter(Boolean),
      iban: stored.iban,
      bic: stored.bic,
      legalMentions: stored.legalMentions,
      source: 'settings',
    };
  }
  return {
    name: fallback.name,
    legalId: fallback.siren,
    email: fallback.email,
    senderName: fallback.name,
    phone: fallback.phone,
    addressLines: fallback.addressLines,
    iban: fallback.iban,
    legalMentions: fallback.legalMentions,
    source: 'environment',
  };
}
