import { IMPORT_FIELDS, type ImportField } from '@dunning/domain';
import { ApiError } from '../api/http';
import type { ImportColumn, ImportNeedsMapping, ImportPreview } from '../api/types';

/**
 * The column-mapping step of an import, as pure functions: what the API answers when it does not
 * know every column of a file (`needs_mapping`), the form's choices per column, and the mapping
 * and multipart body sent back with the file.
 */

export type { ImportColumn } from '../api/types';

/** POST /api/invoices/import (200) or /api/invoices/import/preview: the file's columns, and what is missing to import it. */
export type NeedsMapping = ImportNeedsMapping | ImportPreview;

/** The select's value for "ignore this column". */
export const IGNORE = '__ignore__';
/** A column's choice in the form: a field, ignored, or '' (not chosen yet). */
export type Choice = ImportField | typeof IGNORE | '';
export type Choices = Record<string, Choice>;

export function isNeedsMapping(body: unknown): body is NeedsMapping {
  return typeof body === 'object' && body !== null && (body as { status?: unknown }).status === 'needs_mapping' && Array.isArray((body as { columns?: unknown }).columns);
}

const isField = (value: unknown): value is ImportField => (IMPORT_FIELDS as readonly unknown[]).includes(value);

/** The form's first state: what the API decided (a usual name, a saved or given mapping), else its suggestion, else nothing chosen. */
export function initialChoices(columns: readonly ImportColumn[]): Choices {
  const choices: Choices = {};
  for (const column of columns) {
    if (column.field === null) choices[column.header] = IGNORE;
    else if (isField(column.field)) choices[column.header] = column.field;
    else choices[column.header] = column.suggestion ?? '';
  }
  return choices;
}

export interface ChoicesCheck {
  /** Required fields no column gives. */
  missing: ImportField[];
  /** Fields chosen for more than one column. */
  duplicates: Array<{ field: ImportField; headers: string[] }>;
  /** Columns with no choice yet. */
  undecided: string[];
  complete: boolean;
}

/** What keeps the choices from being sent: the same rules the API applies. */
export function checkChoices(columns: readonly ImportColumn[], choices: Choices, fields: NeedsMapping['fields']): ChoicesCheck {
  const given = new Map<ImportField, string[]>();
  const undecided: string[] = [];
  for (const { header } of columns) {
    const choice = choices[header] ?? '';
    if (choice === '') undecided.push(header);
    else if (choice !== IGNORE) given.set(choice, [...(given.get(choice) ?? []), header]);
  }
  const missing = fields.filter((f) => f.required && !given.has(f.field)).map((f) => f.field);
  const duplicates = [...given].filter(([, headers]) => headers.length > 1).map(([field, headers]) => ({ field, headers }));
  return { missing, duplicates, undecided, complete: missing.length === 0 && duplicates.length === 0 && undecided.length === 0 };
}

/** The mapping the API takes (multipart field "mapping"): every decided column's field, or null to ignore it. */
export function buildMapping(columns: readonly ImportColumn[], choices: Choices): Record<string, ImportField | null> {
  const mapping: Record<string, ImportField | null> = {};
  for (const { header } of columns) {
    const choice = choices[header] ?? '';
    if (choice === IGNORE) mapping[header] = null;
    else if (choice !== '') mapping[header] = choice;
  }
  return mapping;
}

/** The multipart body of an upload: the file, and the mapping to use, a saved one to apply, a name to save it under. */
export function importForm(file: Blob, options: { fileName?: string; mapping?: Record<string, ImportField | null>; mappingName?: string; saveMappingAs?: string } = {}): FormData {
  const form = new FormData();
  if (options.mapping) form.append('mapping', JSON.stringify(options.mapping));
  if (options.mappingName) form.append('mappingName', options.mappingName);
  const saveAs = options.saveMappingAs?.trim();
  if (saveAs) form.append('saveMappingAs', saveAs);
  // The file last: the text fields are read before it.
  if (options.fileName) form.append('file', file, options.fileName);
  else form.append('file', file);
  return form;
}

/** The choices of a column's select: the fields in the API's order (required ones marked), then "ignore this column". */
export function fieldOptions(fields: NeedsMapping['fields'], label: (field: ImportField, required: boolean) => string, ignore: string): Array<{ value: string; label: string }> {
  return [...fields.map(({ field, required }) => ({ value: field, label: label(field, required) })), { value: IGNORE, label: ignore }];
}

/** Saved mappings, those made for this very header first. */
export function savedMappingOptions(saved: NeedsMapping['savedMappings'], label: (name: string, matches: boolean) => string): Array<{ value: string; label: string }> {
  return [...saved].sort((a, b) => Number(b.matches) - Number(a.matches) || b.savedAt.localeCompare(a.savedAt)).map((m) => ({ value: m.name, label: label(m.name, m.matches) }));
}

/** The template to fill in, in the UI's language: French (";", "1 234,56", dd/mm/yyyy, French headers) or English. */
export function templateUrl(language: string): string {
  return `/api/invoices/import/template?locale=${language.toLowerCase().startsWith('fr') ? 'fr' : 'en'}`;
}

/** A file the API could not read (422 naming the file, and the line for a CSV): what to show; undefined for any other error. */
export function unreadableFile(error: unknown): { fileName: string; line?: number; message: string } | undefined {
  if (!(error instanceof ApiError) || error.status !== 422) return undefined;
  const body = error.body as { fileName?: unknown; problems?: Array<{ line?: unknown }> } | undefined;
  if (typeof body?.fileName !== 'string') return undefined;
  const line = body.problems?.find((p) => typeof p.line === 'number')?.line as number | undefined;
  return { fileName: body.fileName, ...(line !== undefined ? { line } : {}), message: error.message };
}
