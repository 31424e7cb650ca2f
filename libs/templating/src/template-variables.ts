/** A variable the editor offers: what to insert, and what it means in both languages. */
export interface TemplateVariable {
  /** Its path in the template context (`invoices.number` is a field of each invoice, inside `{{#each invoices}}`). */
  path: string;
  /** What the editor inserts at the cursor. */
  insert: string;
  meaning: { fr: string; en: string };
}

const v = (path: string, insert: string, fr: string, en: string): TemplateVariable => ({ path, insert, meaning: { fr, en } });

/**
 * The variables of ReminderTemplateContext, in the order a writer looks for them, each with the
 * Handlebars to insert (helpers for money and dates). A spec renders every `insert` on the sample
 * context, so this list cannot name a variable that does not exist.
 */
export const TEMPLATE_VARIABLES: readonly TemplateVariable[] = [
  v('customer.name', '{{customer.name}}', 'Raison sociale du client', 'The customer’s company name'),
  v('customer.contactName', '{{#if customer.contactName}}{{customer.contactName}}{{/if}}', 'Nom du contact (facultatif)', 'The contact’s name (optional)'),
  v('customer.addressLines', '{{#each customer.addressLines}}{{this}}\n{{/each}}', 'Adresse postale du client, ligne par ligne', 'The customer’s postal address, line by line'),
  v('totalBalance', '{{money totalBalance}}', 'Total dû (factures, indemnité et intérêts compris)', 'Everything owed (invoices, indemnity and interest)'),
  v('invoices.length', '{{invoices.length}}', 'Nombre de factures concernées', 'How many invoices the message is about'),
  v(
    'invoices',
    '{{#each invoices}}{{number}} — {{money balance}}\n{{/each}}',
    'Liste des factures (numéro, dates, montants) : à utiliser dans {{#each invoices}}',
    'The list of invoices (number, dates, amounts): use inside {{#each invoices}}',
  ),
  v('invoices.number', '{{number}}', 'Numéro de la facture (dans {{#each invoices}})', 'The invoice number (inside {{#each invoices}})'),
  v('invoices.issueDate', '{{date issueDate}}', 'Date d’émission de la facture (dans {{#each invoices}})', 'The invoice’s issue date (inside {{#each invoices}})'),
  v('invoices.dueDate', '{{date dueDate}}', 'Échéance de la facture (dans {{#each invoices}})', 'The invoice’s due date (inside {{#each invoices}})'),
  v('invoices.amount', '{{money amount}}', 'Montant TTC de la facture (dans {{#each invoices}})', 'The invoice’s amount (inside {{#each invoices}})'),
  v('invoices.balance', '{{money balance}}', 'Reste dû sur la facture (dans {{#each invoices}})', 'What is left to pay on the invoice (inside {{#each invoices}})'),
  v('invoices.daysOverdue', '{{daysOverdue}}', 'Jours de retard (dans {{#each invoices}})', 'Days overdue (inside {{#each invoices}})'),
  v('fees.indemnity', '{{#if fees}}{{money fees.indemnity}}{{/if}}', 'Indemnité forfaitaire de recouvrement (40 €)', 'The fixed recovery indemnity (€40)'),
  v('fees.interest', '{{#if fees}}{{money fees.interest}}{{/if}}', 'Intérêts de retard facturés', 'Late-payment interest charged'),
  v('fees.annualInterestRatePercent', '{{#if fees}}{{fees.annualInterestRatePercent}} %{{/if}}', 'Taux annuel des intérêts de retard', 'The annual late-interest rate'),
  v('paymentUrl', '{{#if paymentUrl}}{{paymentUrl}}{{/if}}', 'Lien de paiement en ligne (facultatif)', 'The online payment link (optional)'),
  v('notice.deadline', '{{#if notice}}{{date notice.deadline}}{{/if}}', 'Date limite de la mise en demeure', 'The formal notice’s deadline'),
  v('notice.periodDays', '{{#if notice}}{{notice.periodDays}}{{/if}}', 'Délai de la mise en demeure, en jours', 'The formal notice’s period, in days'),
  v('promise.date', '{{#if promise}}{{date promise.date}}{{/if}}', 'Date de paiement promise', 'The promised payment date'),
  v('promise.amount', '{{#if promise}}{{money promise.amount}}{{/if}}', 'Montant promis', 'The promised amount'),
  v('sentAt', '{{date sentAt}}', 'Date d’envoi (la date d’une lettre)', 'When it is sent (a letter’s date)'),
  v('creditor.name', '{{creditor.name}}', 'Votre raison sociale', 'Your company name'),
  v('creditor.email', '{{creditor.email}}', 'Votre adresse e-mail de contact', 'Your contact email address'),
  v('creditor.phone', '{{creditor.phone}}', 'Votre téléphone', 'Your phone number'),
  v('creditor.addressLines', '{{#each creditor.addressLines}}{{this}}\n{{/each}}', 'Votre adresse postale, ligne par ligne', 'Your postal address, line by line'),
  v('creditor.iban', '{{#if creditor.iban}}{{creditor.iban}}{{/if}}', 'Votre IBAN (facultatif)', 'Your IBAN (optional)'),
  v('creditor.legalMentions', '{{#if creditor.legalMentions}}{{creditor.legalMentions}}{{/if}}', 'Vos mentions légales (facultatif)', 'Your legal mentions (optional)'),
  v('locale', '{{locale}}', 'Langue du client (fr ou en)', 'The customer’s language (fr or en)'),
];

/** The helpers templates can call, for the editor's help. */
export const TEMPLATE_HELPERS = ['money', 'date', 'plural', 'gt', 'eq', 'or'] as const;
