import PDFDocument from 'pdfkit';

/** A4 with 2 cm margins, the standard fonts (no font files to ship), metadata set, deterministic output. */
export function createPdf(title: string, author: string): PDFKit.PDFDocument {
  return new PDFDocument({
    size: 'A4',
    margin: 56,
    // Fixed dates: the same letter renders to the same bytes, so a stored copy can be checked by hash.
    info: { Title: title, Author: author, CreationDate: new Date(0), ModDate: new Date(0) },
    compress: true,
  });
}

export function pdfBytes(doc: PDFKit.PDFDocument): Promise<Buffer> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    doc.on('data', (chunk: Buffer) => chunks.push(chunk));
    doc.on('end', () => resolve(Buffer.concat(chunks)));
    doc.on('error', reject);
    doc.end();
  });
}
