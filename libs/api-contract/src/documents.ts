import { z } from 'zod';
import { DOCUMENT_KINDS, SUPPORTING_DOCUMENT_TYPES } from '@dunning/domain';
import { instant, uuid } from './common';

/** A file the product made (a letter, an invoice copy, an agency's handoff package), without its content: GET /api/documents/:id downloads it. */
export const documentSummary = z
  .object({
    id: uuid,
    kind: z.enum(DOCUMENT_KINDS),
    invoiceId: uuid.nullable(),
    handoffId: uuid.nullable(),
    /** The step that made it (a letter's message key). */
    sourceKey: z.string().nullable(),
    /** A supporting document's type (an order, a signed quote, a delivery note…); null for the others. */
    supportingType: z.enum(SUPPORTING_DOCUMENT_TYPES).nullable(),
    filename: z.string(),
    contentType: z.string(),
    /** Bytes. */
    size: z.number().int().min(0),
    /** SHA-256 of the content (hex): the download's X-Content-SHA256. */
    sha256: z.string(),
    createdAt: instant,
  })
  .meta({ id: 'DocumentSummary' });

/** GET /api/invoices/:id/documents: newest first. */
export const documentList = z.array(documentSummary);

export type DocumentSummary = z.infer<typeof documentSummary>;
