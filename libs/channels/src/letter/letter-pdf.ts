import { type ChildNode, type Element, isTag, isText } from 'domhandler';
import { parseDocument } from 'htmlparser2';
import { createPdf, pdfBytes } from '../documents/pdf-document';

/**
 * A formal letter (the rendered Handlebars HTML of templates/letter/…) laid out as an A4 PDF: the
 * sender top left, the recipient where a window envelope shows it, then paragraphs and the table
 * of invoices. The templates use a small vocabulary (div.sender, div.recipient, p, strong, br,
 * table), which this maps to PDF text; anything else is read as plain text.
 */
export async function renderLetterPdf(html: string, meta: { title: string; author: string }): Promise<Buffer> {
  const doc = createPdf(meta.title, meta.author);
  doc.font('Helvetica').fontSize(10.5);
  const root = parseDocument(html, { decodeEntities: true });
  const letter = findFirst(root.children, (e) => hasClass(e, 'letter')) ?? root;
  for (const node of letter.children) {
    if (!isTag(node)) continue;
    if (hasClass(node, 'sender')) {
      doc.text(lines(node).join('\n'), 56, 56, { width: 240 });
    } else if (hasClass(node, 'recipient')) {
      // French window envelopes (DL, window on the right): the address block at 11 cm from the left, 5 cm down.
      doc.text(lines(node).join('\n'), 312, 142, { width: 230 });
      doc.x = 56;
      doc.y = Math.max(doc.y, 230);
    } else if (node.name === 'table') {
      table(doc, node);
    } else {
      paragraph(doc, node, hasClass(node, 'place-date') ? 'right' : 'left', hasClass(node, 'legal') ? 8 : 10.5);
    }
  }
  return pdfBytes(doc);
}

function hasClass(element: Element, name: string): boolean {
  return (element.attribs.class ?? '').split(/\s+/).includes(name);
}

function findFirst(nodes: ChildNode[], match: (e: Element) => boolean): Element | undefined {
  for (const node of nodes) {
    if (!isTag(node)) continue;
    if (match(node)) return node;
    const found = findFirst(node.children, match);
    if (found) return found;
  }
  return undefined;
}

/** Text runs with their weight; `<br>` becomes a line break. */
function runs(node: ChildNode, bold = false): Array<{ text: string; bold: boolean }> {
  if (isText(node)) return [{ text: node.data.replace(/\s+/g, ' '), bold }];
  if (!isTag(node)) return [];
  if (node.name === 'br') return [{ text: '\n', bold }];
  const strong = bold || node.name === 'strong' || node.name === 'b';
  return node.children.flatMap((child) => runs(child, strong));
}

function lines(node: Element): string[] {
  return runs(node)
    .map((r) => r.text)
    .join('')
    .split('\n')
    .map((line) => line.trim())
    .filter(Boolean);
}

function paragraph(doc: PDFKit.PDFDocument, node: Element, align: 'left' | 'right', size: number): void {
  const parts = runs(node).filter((r) => r.text !== '');
  if (parts.length === 0) return;
  doc.fontSize(size);
  parts.forEach((part, index) => {
    doc.font(part.bold ? 'Helvetica-Bold' : 'Helvetica').text(index === 0 ? part.text.trimStart() : part.text, { align, continued: index < parts.length - 1 });
  });
  doc.font('Helvetica').fontSize(10.5).moveDown(0.8);
}

function table(doc: PDFKit.PDFDocument, node: Element): void {
  const rows = findAll(node, 'tr').map((tr) => tr.children.filter(isTag).map((cell) => ({ text: lines(cell).join(' '), header: cell.name === 'th' })));
  const width = doc.page.width - 112;
  for (const row of rows) {
    const columnWidth = width / Math.max(1, row.length);
    const top = doc.y;
    row.forEach((cell, index) => {
      doc
        .font(cell.header ? 'Helvetica-Bold' : 'Helvetica')
        .text(cell.text, 56 + index * columnWidth, top, { width: columnWidth - 6, align: index === row.length - 1 ? 'right' : 'left' });
    });
    doc.x = 56;
    doc.y = top + 16;
  }
  doc.font('Helvetica').moveDown(0.8);
}

function findAll(node: Element, name: string): Element[] {
  return node.children.filter(isTag).flatMap((child) => (child.name === name ? [child] : findAll(child, name)));
}
