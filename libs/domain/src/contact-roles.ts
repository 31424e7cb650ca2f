/**
 * Who at the customer a message goes to. One vocabulary for the database, the API, the flow steps
 * and the editor: a contact has one of these roles; a step addresses a role or `all`.
 */
export const CONTACT_ROLES = ['billing', 'accounting', 'management', 'other'] as const;
export type ContactRole = (typeof CONTACT_ROLES)[number];

export const RECIPIENT_ROLES = [...CONTACT_ROLES, 'all'] as const;
export type RecipientRole = (typeof RECIPIENT_ROLES)[number];

/**
 * The contacts a step reaches: every contact for `all`; the contacts of the role; when the customer
 * has none of that role, the billing contact (who receives invoices) stands in.
 */
export function contactsFor<T extends { role: string }>(contacts: readonly T[], recipient: RecipientRole): T[] {
  if (recipient === 'all') return [...contacts];
  const matching = contacts.filter((c) => c.role === recipient);
  if (matching.length > 0) return matching;
  return contacts.filter((c) => c.role === 'billing');
}
