import { JsonInput, MultiSelect, Select, Stack, Switch, TextInput } from '@mantine/core';
import { useMemo } from 'react';
import type { ZodType } from 'zod';
import { NumberField } from '../forms/NumberField';
import type { SchemaIssue } from '../forms/issues';

export interface FieldSpec {
  name: string;
  kind: 'string' | 'number' | 'boolean' | 'enum' | 'enum-list' | 'json';
  options?: string[];
  optional: boolean;
  /** Numbers: whole numbers only, and the schema's bounds. */
  int?: boolean;
  min?: number;
  max?: number;
}

type Def = { type: string; innerType?: ZodType; element?: ZodType; shape?: Record<string, ZodType>; entries?: Record<string, string> };
const defOf = (schema: ZodType) => (schema as unknown as { _zod: { def: Def } })._zod.def;
const finite = (n: unknown) => (typeof n === 'number' && Number.isFinite(n) ? n : undefined);

/** Reads a zod object schema's fields (unwrapping defaults and optionals) into form fields. */
export function fieldsOf(schema: ZodType): FieldSpec[] {
  const shape = (schema as unknown as { shape?: Record<string, ZodType> }).shape ?? {};
  return Object.entries(shape).map(([name, field]): FieldSpec => {
    let current = field;
    let optional = false;
    for (let def = defOf(current); def.type === 'default' || def.type === 'optional'; def = defOf(current)) {
      optional ||= def.type === 'optional';
      current = def.innerType!;
    }
    const def = defOf(current);
    if (def.type === 'string') return { name, kind: 'string', optional };
    if (def.type === 'number') {
      const n = current as unknown as { isInt?: boolean; minValue?: number | null; maxValue?: number | null };
      return { name, kind: 'number', optional, int: Boolean(n.isInt), min: finite(n.minValue), max: finite(n.maxValue) };
    }
    if (def.type === 'boolean') return { name, kind: 'boolean', optional };
    if (def.type === 'enum') return { name, kind: 'enum', options: Object.values(def.entries ?? {}), optional };
    if (def.type === 'array' && def.element && defOf(def.element).type === 'enum')
      return { name, kind: 'enum-list', options: Object.values(defOf(def.element).entries ?? {}), optional };
    return { name, kind: 'json', optional };
  });
}

/** What a field's widget gets: the whole data (a widget may edit several fields), its words and its issues. */
export interface WidgetProps {
  field: FieldSpec;
  value: Record<string, unknown>;
  /** Merges into the data; an undefined value removes the field. */
  onChange: (patch: Record<string, unknown>) => void;
  label: string;
  description?: string;
  /** The field's first issue in words. */
  error?: string;
  /** Every issue under this field (e.g. one per branch case), for widgets that place them themselves. */
  issues: SchemaIssue[];
}

/** A field's own input, chosen by the field's name; `consumes` names the other fields it edits (they get no input of their own). */
export interface Widget {
  render: (props: WidgetProps) => React.ReactNode;
  consumes?: string[];
}

/**
 * A form generated from the zod schema the API validates the same data with: every field of the
 * schema gets an input (a named widget, or one chosen by its type), its errors from the schema in
 * words, so the editor cannot drift from the server's rules and a new field shows up by itself.
 */
export function SchemaForm({
  schema,
  value,
  onChange,
  labels,
  descriptions,
  optionLabel,
  widgets = {},
  issueText,
}: {
  schema: ZodType;
  value: Record<string, unknown>;
  onChange: (value: Record<string, unknown>) => void;
  labels?: Record<string, string>;
  /** A help text under each field (what it does, the article of law it applies). */
  descriptions?: Record<string, string>;
  /** The words of a list's choice; the code itself otherwise. */
  optionLabel?: (field: string, value: string) => string;
  /** Inputs by field name (the offset, the template and agency pickers, the branch builder…). */
  widgets?: Record<string, Widget>;
  /** A schema issue in the user's words; the schema's own message otherwise. */
  issueText?: (issue: SchemaIssue) => string;
}) {
  const fields = useMemo(() => fieldsOf(schema), [schema]);
  const issues = useMemo(() => {
    const result = schema.safeParse(value);
    return result.success ? [] : (result.error.issues as unknown as SchemaIssue[]);
  }, [schema, value]);
  // A field edited by another field's widget (the wait's anchor, in its offset) gets no input of its own.
  const names = new Set(fields.map((f) => f.name));
  const consumed = new Set(
    Object.entries(widgets)
      .filter(([name]) => names.has(name))
      .flatMap(([, w]) => w.consumes ?? []),
  );
  const patch = (changes: Record<string, unknown>) => {
    const next = { ...value };
    for (const [name, v] of Object.entries(changes)) {
      if (v === undefined || v === '') delete next[name];
      else next[name] = v;
    }
    onChange(next);
  };
  const set = (name: string, v: unknown) => patch({ [name]: v });
  return (
    <Stack gap="xs">
      {fields
        .filter((field) => !consumed.has(field.name))
        .map((field) => {
          const label = labels?.[field.name] ?? field.name;
          const description = descriptions?.[field.name] || undefined;
          const widget = widgets[field.name];
          const mine = new Set([field.name, ...(widget?.consumes ?? [])]);
          const own = issues.filter((issue) => mine.has(String(issue.path[0] ?? '')));
          const error = own[0] ? (issueText?.(own[0]) ?? own[0].message) : undefined;
          if (widget) return <div key={field.name}>{widget.render({ field, value, onChange: patch, label, description, error, issues: own })}</div>;
          const options = (field.options ?? []).map((option) => ({ value: option, label: optionLabel?.(field.name, option) ?? option }));
          switch (field.kind) {
            case 'string':
              return (
                <TextInput
                  key={field.name}
                  label={label}
                  description={description}
                  value={String(value[field.name] ?? '')}
                  error={error}
                  onChange={(e) => set(field.name, e.currentTarget.value)}
                />
              );
            case 'number':
              return (
                <NumberField
                  key={field.name}
                  label={label}
                  description={description}
                  value={value[field.name] as number | undefined}
                  int={field.int ?? false}
                  min={field.min}
                  max={field.max}
                  error={error}
                  onChange={(v) => set(field.name, v)}
                />
              );
            case 'boolean':
              return (
                <Switch key={field.name} label={label} description={description} checked={Boolean(value[field.name])} onChange={(e) => set(field.name, e.currentTarget.checked)} />
              );
            case 'enum':
              return (
                <Select
                  key={field.name}
                  label={label}
                  description={description}
                  data={options}
                  value={(value[field.name] as string | undefined) ?? null}
                  error={error}
                  clearable={field.optional}
                  allowDeselect={field.optional}
                  onChange={(v) => set(field.name, v ?? undefined)}
                />
              );
            case 'enum-list':
              return (
                <MultiSelect
                  key={field.name}
                  label={label}
                  description={description}
                  data={options}
                  value={(value[field.name] as string[] | undefined) ?? []}
                  error={error}
                  onChange={(v) => set(field.name, v.length || !field.optional ? v : undefined)}
                />
              );
            default:
              // A field of a shape no widget knows yet: still editable, as data.
              return (
                <JsonInput
                  key={field.name}
                  label={label}
                  description={description}
                  autosize
                  minRows={3}
                  defaultValue={JSON.stringify(value[field.name] ?? null, null, 2)}
                  error={error}
                  onBlur={(e) => {
                    try {
                      set(field.name, JSON.parse(e.currentTarget.value));
                    } catch {
                      /* JsonInput shows the syntax error */
                    }
                  }}
                  formatOnBlur
                />
              );
          }
        })}
    </Stack>
  );
}
