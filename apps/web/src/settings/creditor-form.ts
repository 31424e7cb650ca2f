import { bicProblem, ibanProblem, sirenProblem, smsSenderProblem, vatNumberProblem } from '@dunning/domain';
import type { Settings, SettingsChange } from '../api/types';

/** The creditor identity form: every field as typed (three address lines). */
export interface CreditorForm {
  name: string;
  address1: string;
  address2: string;
  address3: string;
  postcode: string;
  city: string;
  country: string;
  siren: string;
  vatNumber: string;
  iban: string;
  bic: string;
  legalMentions: string;
  senderEmail: string;
  senderName: string;
  smsSender: string;
  phone: string;
}

export type CreditorField = keyof CreditorForm;
/** Why a field is refused, as a key of the settings words (`adminSettings.creditor.problems.*`). */
export type CreditorProblem = 'required' | 'siren' | 'iban' | 'bic' | 'vatNumber' | 'smsSender' | 'email' | 'country';

/** The form starts from the stored identity, else from what the environment gives (never its placeholder name). */
export function creditorFormOf(settings: Pick<Settings, 'creditor' | 'creditorFallback' | 'creditorStatus'>): CreditorForm {
  const c = settings.creditor;
  if (c) {
    const [address1 = '', address2 = '', address3 = ''] = c.addressLines;
    return {
      name: c.name,
      address1,
      address2,
      address3,
      postcode: c.postcode,
      city: c.city,
      country: c.country,
      siren: c.siren,
      vatNumber: c.vatNumber ?? '',
      iban: c.iban,
      bic: c.bic ?? '',
      legalMentions: c.legalMentions ?? '',
      senderEmail: c.senderEmail,
      senderName: c.senderName ?? '',
      smsSender: c.smsSender ?? '',
      phone: c.phone ?? '',
    };
  }
  const f = settings.creditorFallback;
  const [address1 = '', address2 = '', address3 = ''] = f.addressLines;
  return {
    name: settings.creditorStatus === 'missing' ? '' : f.name,
    address1,
    address2,
    address3,
    postcode: '',
    city: '',
    country: 'FR',
    siren: f.siren ?? '',
    vatNumber: '',
    iban: f.iban ?? '',
    bic: '',
    legalMentions: '',
    senderEmail: f.email === 'accounts@example.com' ? '' : f.email,
    senderName: '',
    smsSender: '',
    phone: f.phone,
  };
}

const REQUIRED: CreditorField[] = ['name', 'address1', 'postcode', 'city', 'country', 'siren', 'iban', 'senderEmail'];

/** What is wrong with the form, field by field (the same checks the API makes). */
export function creditorFormProblems(form: CreditorForm): Partial<Record<CreditorField, CreditorProblem>> {
  const problems: Partial<Record<CreditorField, CreditorProblem>> = {};
  for (const field of REQUIRED) if (!form[field].trim()) problems[field] = 'required';
  const check = (field: CreditorField, rule: (value: string) => string | undefined, problem: CreditorProblem) => {
    if (!problems[field] && form[field].trim() && rule(form[field].trim())) problems[field] = problem;
  };
  check('siren', sirenProblem, 'siren');
  check('iban', ibanProblem, 'iban');
  check('bic', bicProblem, 'bic');
  check('vatNumber', vatNumberProblem, 'vatNumber');
  check('smsSender', smsSenderProblem, 'smsSender');
  check('senderEmail', (v) => (/^[^\s@]+@[^\s@]+\.[^\s@]+$/.test(v) ? undefined : 'email'), 'email');
  check('country', (v) => (/^[A-Z]{2}$/.test(v) ? undefined : 'country'), 'country');
  return problems;
}

/** The body PUT /api/settings takes: empty optional fields left out. */
export function creditorBody(form: CreditorForm): NonNullable<SettingsChange['creditor']> {
  const optional = (value: string) => (value.trim() ? value.trim() : undefined);
  return {
    name: form.name.trim(),
    addressLines: [form.address1, form.address2, form.address3].map((l) => l.trim()).filter(Boolean),
    postcode: form.postcode.trim(),
    city: form.city.trim(),
    country: form.country,
    siren: form.siren.trim(),
    vatNumber: optional(form.vatNumber),
    iban: form.iban.trim(),
    bic: optional(form.bic),
    legalMentions: optional(form.legalMentions),
    senderEmail: form.senderEmail.trim(),
    senderName: optional(form.senderName),
    // Not trimmed: a sender with a leading space is refused rather than silently changed.
    smsSender: form.smsSender === '' ? undefined : form.smsSender,
    phone: optional(form.phone),
  };
}

/** The API's refusal field (`creditor.iban`) as the form's field. */
export function creditorFieldOf(apiField: string): CreditorField | undefined {
  const [head, name, index] = apiField.split('.');
  if (head !== 'creditor' || !name) return undefined;
  if (name === 'addressLines') return (['address1', 'address2', 'address3'] as const)[Number(index ?? 0)] ?? 'address1';
  return name as CreditorField;
}
