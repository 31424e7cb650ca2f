import { JsonInput, NumberInput, Select, Stack, Switch, TextInput } from '@mantine/core';
import { useMemo } from 'react';
import type { ZodType } from 'zod';

interface FieldSpec {
  name: string;
  kind: 'string' | 'number' | 'boolean' | 'enum' | 'json';
  options?: string[];
  optional: boolean;
}

type Def = { type: string; innerType?: ZodType; shape?: Record<string, ZodType>; entries?: Record<string, string> };
const defOf = (schema: ZodType) => (schema as unknown as { _zod: { def: Def } })._zod.def;

/** Reads a zod object schema's fields (unwrapping defaults and optionals) into form fields. */
export function fieldsOf(schema: ZodType): FieldSpec[] {
  const shape = (schema as unknown as { shape?: Record<string, ZodType> }).shape ?? {};
  return Object.entries(shape).map(([name, field]) => {
    let current = field;
    let optional = false;
    for (let def = defOf(current); def.type === 'default' || def.type === 'optional'; def = defOf(current)) {
      optional ||= def.type === 'optional';
      current = def.innerType!;
    }
    const def = defOf(current);
    if (def.type === 'string') return { name, kind: 'string', optional };
    if (def.type === 'number') return { name, kind: 'number', optional };
    if (def.type === 'boolean') return { name, kind: 'boolean', optional };
    if (def.type === 'enum') return { name, kind: 'enum', options: Object.values(def.entries ?? {}), optional };
    return { name, kind: 'json', optional };
  });
}

/**
 * A form generated from the zod schema the API validates the same data with: every field of the
 * schema, its errors from the schema, so the editor cannot drift from the server's rules.
 */
export function SchemaForm({
  schema,
  value,
  onChange,
  labels,
  descriptions,
  optionLabel,
  renderField,
}: {
  schema: ZodType;
  value: Record<string, unknown>;
  onChange: (value: Record<string, unknown>) => void;
  labels?: Record<string, string>;
  /** A help text under each field (what it does, the article of law it applies). */
  descriptions?: Record<string, string>;
  /** The words of a list's choice; the code itself otherwise. */
  optionLabel?: (field: string, value: string) => string;
  /** Replaces the input of a field (e.g. the template picker). */
  renderField?: (name: string, error: string | undefined) => React.ReactNode | undefined;
}) {
  const fields = useMemo(() => fieldsOf(schema), [schema]);
  const errors = useMemo(() => {
    const result = schema.safeParse(value);
    const map = new Map<string, string>();
    if (!result.success) for (const issue of result.error.issues) map.set(String(issue.path[0] ?? ''), issue.message);
    return map;
  }, [schema, value]);
  const set = (name: string, v: unknown) => {
    const next = { ...value };
    if (v === undefined || v === '') delete next[name];
    else next[name] = v;
    onChange(next);
  };
  return (
    <Stack gap="xs">
      {fields.map((field) => {
        const label = labels?.[field.name] ?? field.name;
        const description = descriptions?.[field.name] || undefined;
        const error = errors.get(field.name);
        const custom = renderField?.(field.name, error);
        if (custom) return <div key={field.name}>{custom}</div>;
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
              <NumberInput
                key={field.name}
                label={label}
                description={description}
                value={value[field.name] as number | undefined}
                error={error}
                onChange={(v) => set(field.name, typeof v === 'number' ? v : undefined)}
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
                data={field.options!.map((option) => ({ value: option, label: optionLabel?.(field.name, option) ?? option }))}
                value={(value[field.name] as string | undefined) ?? null}
                error={error}
                clearable={field.optional}
                onChange={(v) => set(field.name, v ?? undefined)}
              />
            );
          default:
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
                validationError="invalid JSON"
                formatOnBlur
              />
            );
        }
      })}
    </Stack>
  );
}
