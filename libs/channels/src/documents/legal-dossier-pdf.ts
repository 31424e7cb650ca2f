import type { LegalCaseRequest } from '@dunning/domain';
import { formatMoney } from '@dunning/templating';
import { createPdf, pdfBytes } from './pdf-document';

const COURT_NAMES: Record<string, string> = { tribunal_de_commerce: 'Tribunal de commerce', tribunal_judiciaire: 'Tribunal judiciaire' };

/**
 * The dossier of a court route, in French (the language of the procedure): for an order for payment
 * the request's information as CPC 1407 lists it (the parties, the court, the amount with the
 * breakdown of its elements, the grounds, the list of supporting documents); for the simplified
 * procedure the request to the commissaire de justice (CPCE L125-1, R125-1). A person checks it,
 * signs it and files it (or fills the official form from it).
 */
export async function renderLegalDossierPdf(request: LegalCaseRequest): Promise<Buffer> {
  const money = (amount: number) => formatMoney({ amount, currency: request.claim.currency }, 'fr');
  const title =
    request.route === 'payment_order'
      ? `Requête en injonction de payer — ${COURT_NAMES[request.court ?? ''] ?? ''}`
      : 'Demande de procédure simplifiée de recouvrement des petites créances';
  const doc = createPdf(`${title} ${request.claim.invoiceNumber}`, request.creditor.name);
  doc.font('Helvetica-Bold').fontSize(14).text(title, { width: 483 });
  doc
    .font('Helvetica')
    .fontSize(9)
    .fillColor('#555')
    .text(`${request.articles.join(' ; ')} — préparé le ${frenchDate(request.preparedOn)}, réf. ${request.reference}`)
    .fillColor('#000')
    .moveDown();

  section(doc, 'Créancier (demandeur)');
  lines(doc, [
    request.creditor.name,
    request.creditor.legalId ? `SIREN ${request.creditor.legalId}` : '',
    ...request.creditor.addressLines,
    request.creditor.email,
    request.creditor.phone,
  ]);

  section(doc, 'Débiteur (défendeur)');
  lines(doc, [
    `${request.debtor.name} (${request.debtor.type === 'company' ? 'personne morale / commerçant' : 'personne physique'})`,
    request.debtor.legalId ? `SIREN / identifiant : ${request.debtor.legalId}` : 'SIREN : à compléter',
    ...(request.debtor.addressLines.length > 0 ? request.debtor.addressLines : ['Adresse : à compléter']),
  ]);

  if (request.court) {
    section(doc, 'Juridiction saisie');
    lines(doc, [`${COURT_NAMES[request.court]} du domicile du débiteur (CPC 1406)`]);
  }

  section(doc, 'Montant réclamé (décompte)');
  const claim = request.claim;
  rows(doc, false, [
    [`Facture n° ${claim.invoiceNumber} du ${frenchDate(claim.issueDate)}, échue le ${frenchDate(claim.dueDate)} — principal restant dû`, money(claim.principal)],
    [
      `Intérêts de retard au taux ${claim.interest.basis === 'legal' ? 'légal (taux BCE + 10 points, C. com. L441-10 II)' : 'contractuel'} de ${claim.interest.ratePercent} % l’an depuis le ${frenchDate(claim.interest.from)}`,
      money(claim.interest.amount),
    ],
    [`Indemnité forfaitaire pour frais de recouvrement (C. com. L441-10 II, D441-5)`, money(claim.fees.recoveryIndemnity)],
    ...(claim.fees.amount > claim.fees.recoveryIndemnity ? ([['Autres frais', money(claim.fees.amount - claim.fees.recoveryIndemnity)]] as Array<[string, string]>) : []),
  ]);
  rows(doc, true, [['Total', money(claim.total)]]);

  section(doc, 'Fondement de la créance');
  doc.fontSize(10).text(request.grounds, { width: 483 }).moveDown(0.5);

  section(doc, 'Bordereau des pièces justificatives');
  const pieces = request.documents.map((d, i) => `${i + 1}. ${d.fileName}${d.supportingType ? ` (${d.supportingType.replace(/_/g, ' ')})` : ''}`);
  if (request.supportingReference) pieces.push(`${pieces.length + 1}. Référence du justificatif : ${request.supportingReference}`);
  lines(doc, pieces.length > 0 ? pieces : ['Aucune pièce : à compléter avant dépôt.']);

  if (request.answerDeadline) {
    section(doc, 'Délai de réponse du débiteur');
    lines(doc, [`Un mois à compter de l’envoi de l’invitation par le commissaire de justice (CPCE L125-1, R125-1 s.) ; suivi jusqu’au ${request.answerDeadline.slice(0, 10)}.`]);
  }
  doc.moveDown().fontSize(8).fillColor('#555').text('Document préparé automatiquement à partir de la comptabilité du créancier : à vérifier, dater et signer avant dépôt.');
  return pdfBytes(doc);
}

const frenchDate = (localDate: string) => localDate.split('-').reverse().join('/');

function section(doc: PDFKit.PDFDocument, title: string): void {
  doc.moveDown(0.6).font('Helvetica-Bold').fontSize(11).text(title, 56).font('Helvetica').fontSize(10).moveDown(0.2);
}

function lines(doc: PDFKit.PDFDocument, texts: string[]): void {
  doc.fontSize(10).text(texts.filter(Boolean).join('\n'), 56, undefined, { width: 483 });
}

function rows(doc: PDFKit.PDFDocument, bold: boolean, items: Array<[string, string]>): void {
  doc.font(bold ? 'Helvetica-Bold' : 'Helvetica').fontSize(10);
  for (const [label, value] of items) {
    const top = doc.y;
    doc.text(label, 56, top, { width: 360 });
    const bottom = doc.y;
    doc.text(value, 420, top, { width: 119, align: 'right' });
    doc.x = 56;
    doc.y = Math.max(bottom, doc.y);
  }
  doc.font('Helvetica');
}
