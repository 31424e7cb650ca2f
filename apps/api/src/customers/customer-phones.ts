import type { z } from 'zod';
import { customerBody } from '@dunning/api-contract';
import { normalizePhoneNumber } from '@dunning/domain/phone';

/**
 * The customer body of the contract, with each contact's phone checked and stored in E.164 (a
 * national number read in the customer's country, France by default): a typo is a 400 naming
 * `contacts.N.phone`. Kept out of the contract so the web app does not bundle the phone metadata.
 */
export const customerBodyWithPhones = customerBody.superRefine((customer, context) => {
  customer.contacts.forEach((contact, index) => {
    if (contact.phone === undefined) return;
    const checked = normalizePhoneNumber(contact.phone, customer.country ?? 'FR');
    if (checked.ok) contact.phone = checked.e164;
    else context.addIssue({ code: 'custom', path: ['contacts', index, 'phone'], message: checked.message });
  });
});

export type CustomerBody = z.infer<typeof customerBody>;
