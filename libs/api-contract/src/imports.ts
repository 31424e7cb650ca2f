import { z } from 'zod';
import { CSV_SEPARATORS, IMPORT_COLUMN_SOURCES, IMPORT_FIELDS, IMPORT_FORMATS, IMPORT_STATUSES, LOCALES } from '@dunning/domain';
import { instant, storable, uuid } from './common';

/* Invoice imports from CSV or XLSX (/api/invoices/import…, /api/imports/:id), their column mappings and template. */

/** A saved mapping's name: trimmed, bounded. */
export const importMappingName = storable().trim().min(1, 'required').max(80);

/** A column's field as a request gives it: a field, or null (or "") to ignore the column. */
const mappedField = z.union([z.enum(IMPORT_FIELDS), z.literal('').transform(() => null), z.null()]);
/** The most columns a mapping may name (a spreadsheet's are far fewer). */
const MAX_MAPPED_COLUMNS = 1000;

/** The text fields sent with an import's file (multipart field "file"). */
export const importFields = z.object({
  /** JSON: {"<header as in the file>": "<field>" or null to ignore the column}. */
  mapping: z
    .string()
    .max(100_000)
    .optional()
    .transform((text, context) => {
      if (!text) return undefined;
      try {
        return JSON.parse(text) as unknown;
      } catch {
        context.addIssue({ code: 'custom', message: 'is not JSON' });
        return z.NEVER;
      }
    })
    .pipe(
      z
        .record(storable().max(1000), mappedField)
        .refine((mapping) => Object.keys(mapping).length <= MAX_MAPPED_COLUMNS, `at most ${MAX_MAPPED_COLUMNS} columns`)
        .optional(),
    ),
  /** Apply this saved mapping (by name) instead of the one saved for the file's header. */
  mappingName: importMappingName.optional(),
  /** Save the mapping used under this name: files with the same header get it next time. */
  saveMappingAs: importMappingName.optional(),
});

/** POST /api/invoices/import?wait=true answers once the import has finished (an import of this process). */
export const importQuery = z.object({ wait: z.enum(['true', 'false']).optional() });

/** GET /api/invoices/import/template: `fr` as Excel writes CSV in France, `en` with the field names. */
export const importTemplateQuery = z.object({ locale: z.enum(LOCALES).default('fr') });

/** One problem in an imported file: the 1-based line (the header is line 1; 0: the whole file), the column, what is wrong. */
export const importLineError = z.object({ line: z.number().int().min(0), field: z.string(), message: z.string() }).meta({ id: 'ImportLineError' });

/** An import job (the import_batches table): its progress, then what it wrote or every problem found. */
export const importJob = z
  .object({
    id: uuid,
    fileName: z.string(),
    format: z.enum(IMPORT_FORMATS),
    status: z.enum(IMPORT_STATUSES),
    totalRows: z.number().int().min(0),
    processedRows: z.number().int().min(0),
    insertedInvoices: z.number().int().min(0),
    updatedInvoices: z.number().int().min(0),
    unchangedInvoices: z.number().int().min(0),
    /** `succeeded`: the invoices imported with a payment term beyond the legal ceilings (Code de commerce L441-10 I, L441-11), flagged but imported. */
    flaggedInvoices: z.number().int().min(0),
    /** `rejected`: every problem found, by line; nothing was written. */
    errors: z.array(importLineError),
    createdBy: uuid.nullable(),
    createdAt: instant,
    updatedAt: instant,
    finishedAt: instant.nullable(),
  })
  .meta({ id: 'ImportJob' });

const importField = z.enum(IMPORT_FIELDS);

/** A column of the file and what the import reads it as. */
export const importColumn = z
  .object({
    /** The header as written in the file. */
    header: z.string(),
    /** 1-based. */
    index: z.number().int().min(1),
    /** The field this column is read as; null: ignored; absent: undecided, the user chooses. */
    field: importField.nullable().optional(),
    /** How the field was known. */
    source: z.enum(IMPORT_COLUMN_SOURCES).optional(),
    /** The likely field, to pre-fill the user's choice. */
    suggestion: importField.nullable(),
    /** The first values of the column. */
    samples: z.array(z.string()),
  })
  .meta({ id: 'ImportColumn' });

/** What an upload's columns are, and what is missing to import it (nothing is imported). */
export const importNeedsMapping = z
  .object({
    status: z.literal('needs_mapping'),
    fileName: z.string(),
    format: z.enum(IMPORT_FORMATS),
    /** CSV: the encoding the bytes were read in. */
    encoding: z.string().optional(),
    /** CSV: the separator found on the header line. */
    separator: z.enum(CSV_SEPARATORS).optional(),
    totalRows: z.number().int().min(0),
    /** Identifies the header whatever its order, case or accents (saved mappings are made for one). */
    fingerprint: z.string(),
    columns: z.array(importColumn),
    /** Required fields no column gives. */
    missing: z.array(importField),
    /** Fields more than one column gives. */
    duplicates: z.array(z.object({ field: importField, headers: z.array(z.string()) })),
    /** Columns nothing decides: the user maps them. */
    undecided: z.array(z.string()),
    /** Every field a column can be mapped to. */
    fields: z.array(z.object({ field: importField, required: z.boolean() })),
    /** The saved mappings; `matches`: made for this very header. */
    savedMappings: z.array(z.object({ name: z.string(), matches: z.boolean(), savedAt: instant })),
    /** The saved mapping applied, if any. */
    savedMapping: z.string().optional(),
  })
  .meta({ id: 'ImportNeedsMapping' });

/** POST /api/invoices/import: 202 and the import job, or 200 `needs_mapping` when a column is not known. */
export const importAnswer = z.union([importJob, importNeedsMapping]).meta({ id: 'ImportAnswer' });

/** POST /api/invoices/import/preview: the same analysis, `ready` when the file can be imported as it is, with the mapping that would be used. */
export const importPreview = importNeedsMapping
  .extend({
    status: z.enum(['ready', 'needs_mapping']),
    /** By header as written in the file: the field, or null (ignored). */
    mapping: z.record(z.string(), importField.nullable()),
    /** `ready`: the valid lines whose payment term goes beyond the legal ceilings (Code de commerce L441-10 I, L441-11); they would be imported, flagged. */
    flaggedInvoices: z.number().int().min(0).optional(),
  })
  .meta({ id: 'ImportPreview' });

/** A column mapping saved by a user, applied again to files whose header has the same fingerprint. */
export const savedImportMapping = z
  .object({
    name: z.string(),
    fingerprint: z.string(),
    /** By normalized header (lower case, no accents): the field, or null (ignored). */
    columns: z.record(z.string(), importField.nullable()),
    savedAt: instant,
  })
  .meta({ id: 'SavedImportMapping' });
export const savedImportMappings = z.array(savedImportMapping);

export type ImportFields = z.infer<typeof importFields>;
export type ImportJob = z.infer<typeof importJob>;
export type ImportColumn = z.infer<typeof importColumn>;
export type ImportNeedsMapping = z.infer<typeof importNeedsMapping>;
export type ImportAnswer = z.infer<typeof importAnswer>;
export type ImportPreview = z.infer<typeof importPreview>;
export type SavedImportMapping = z.infer<typeof savedImportMapping>;
