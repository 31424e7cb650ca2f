import { formatMoney } from '@dunning/templating';
import { createPdf, pdfBytes } from './pdf-document';

type Money = { amount: number; currency: string };

/** What a credit insurer asks with a claim: the policy, the debtor, the invoices, the amounts, the dunning done and the documents held. */
export interface InsuranceDossier {
  locale: string;
  reference: string;
  policy: { insurer: string; policyNumber: string; coveragePercent: number };
  creditor: { name: string; addressLines: string[]; email: string };
  debtor: { name: string; legalId?: string; addressLines: string[] };
  invoices: Array<{ number: string; issueDate: string; dueDate: string; amount: Money; outstanding: Money }>;
  outstanding: Money;
  insuredAmount: Money;
  creditLimit: Money;
  threat?: { declaredOn: string; deadline: string };
  claim: { filedOn: string; deadline: string };
  /** Reminders and formal notices, from the invoice's timeline. */
  dunning: Array<{ date: string; what: string; formalNotice: boolean }>;
  documents: string[];
}

const LABELS = {
  fr: {
    title: 'Dossier de déclaration de sinistre',
    policy: 'Police',
    insurer: 'Assureur',
    coverage: 'Quotité garantie',
    creditor: 'Assuré (créancier)',
    debtor: 'Débiteur',
    invoices: 'Factures impayées',
    number: 'N°',
    issued: 'Émise le',
    due: 'Échéance',
    amount: 'Montant TTC',
    outstanding: 'Reste dû',
    amounts: 'Montants',
    limit: 'Limite de crédit agréée',
    insured: 'Montant garanti',
    threat: 'Menace de sinistre déclarée le',
    threatDeadline: 'délai de déclaration',
    claim: 'Demande d’indemnisation déposée le',
    claimDeadline: 'délai de dépôt',
    dunning: 'Relances et mise en demeure',
    formalNotice: 'mise en demeure (C. civ. art. 1344)',
    none: 'aucune',
    documents: 'Pièces jointes au dossier',
    footer: 'Déclaration faite au titre de la police ci-dessus (Code des assurances L113-2 4°, L112-4) ; subrogation de l’assureur à hauteur de l’indemnité (L121-12).',
  },
  en: {
    title: 'Credit insurance claim dossier',
    policy: 'Policy',
    insurer: 'Insurer',
    coverage: 'Insured share',
    creditor: 'Insured (creditor)',
    debtor: 'Debtor',
    invoices: 'Unpaid invoices',
    number: 'No.',
    issued: 'Issued',
    due: 'Due',
    amount: 'Total',
    outstanding: 'Outstanding',
    amounts: 'Amounts',
    limit: 'Credit limit granted',
    insured: 'Insured amount',
    threat: 'Threat of loss declared on',
    threatDeadline: 'deadline',
    claim: 'Claim filed on',
    claimDeadline: 'deadline',
    dunning: 'Reminders and formal notice',
    formalNotice: 'formal notice (Code civil art. 1344)',
    none: 'none',
    documents: 'Documents in the dossier',
    footer: 'Declared under the policy above (Code des assurances L113-2 4°, L112-4); the insurer is subrogated up to the indemnity (L121-12).',
  },
};

/** The claim's dossier as an A4 PDF (pdfkit, standard fonts, deterministic bytes). */
export async function renderInsuranceDossierPdf(dossier: InsuranceDossier): Promise<Buffer> {
  const l = dossier.locale === 'en' ? LABELS.en : LABELS.fr;
  const money = (m: Money) => formatMoney(m, dossier.locale === 'en' ? 'en' : 'fr');
  const doc = createPdf(`${l.title} ${dossier.reference}`, dossier.creditor.name);
  const heading = (text: string) => doc.moveDown(0.8).font('Helvetica-Bold').fontSize(11.5).text(text).font('Helvetica').fontSize(10);
  const field = (label: string, value: string) => {
    const top = doc.y;
    doc.font('Helvetica').text(label, 56, top, { width: 220 });
    doc.font('Helvetica-Bold').text(value, 280, top, { width: 260 });
    doc.font('Helvetica');
    doc.x = 56;
  };

  doc.font('Helvetica-Bold').fontSize(16).text(l.title, 56, 56);
  doc.font('Helvetica').fontSize(10).fillColor('#666').text(dossier.reference).fillColor('#000');

  heading(l.policy);
  field(l.insurer, dossier.policy.insurer);
  field(l.policy, dossier.policy.policyNumber);
  field(l.coverage, `${dossier.policy.coveragePercent} %`);

  heading(l.creditor);
  doc.text([dossier.creditor.name, ...dossier.creditor.addressLines, dossier.creditor.email].filter(Boolean).join('\n'));
  heading(l.debtor);
  doc.text([dossier.debtor.name, dossier.debtor.legalId ?? '', ...dossier.debtor.addressLines].filter(Boolean).join('\n'));

  heading(l.invoices);
  const columns = [56, 150, 230, 310, 420];
  const row = (cells: string[], bold = false) => {
    const top = doc.y;
    doc.font(bold ? 'Helvetica-Bold' : 'Helvetica');
    cells.forEach((cell, i) => doc.text(cell, columns[i]!, top, { width: (columns[i + 1] ?? 540) - columns[i]! - 6, align: i >= 3 ? 'right' : 'left' }));
    doc.x = 56;
  };
  row([l.number, l.issued, l.due, l.amount, l.outstanding], true);
  for (const invoice of dossier.invoices) row([invoice.number, invoice.issueDate, invoice.dueDate, money(invoice.amount), money(invoice.outstanding)]);

  heading(l.amounts);
  field(l.outstanding, money(dossier.outstanding));
  field(l.limit, money(dossier.creditLimit));
  field(l.insured, money(dossier.insuredAmount));
  if (dossier.threat) field(l.threat, `${dossier.threat.declaredOn} (${l.threatDeadline} ${dossier.threat.deadline})`);
  field(l.claim, `${dossier.claim.filedOn} (${l.claimDeadline} ${dossier.claim.deadline})`);

  heading(l.dunning);
  if (dossier.dunning.length === 0) doc.text(l.none);
  for (const step of dossier.dunning) doc.text(`${step.date} — ${step.what}${step.formalNotice ? ` — ${l.formalNotice}` : ''}`);

  heading(l.documents);
  if (dossier.documents.length === 0) doc.text(l.none);
  for (const name of dossier.documents) doc.text(`• ${name}`);

  doc.moveDown(1.5).fontSize(8).fillColor('#444').text(l.footer);
  return pdfBytes(doc);
}
