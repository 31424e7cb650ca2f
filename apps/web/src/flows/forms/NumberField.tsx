import { TextInput } from '@mantine/core';
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { parseNumberText } from './numbers';

/**
 * A number box that keeps what the person types ("-", "-5", "2,") and hands the form a number only
 * once it is one: no reformatting under the cursor, so "-5" never becomes 5 or 55.
 */
export function NumberField({
  label,
  description,
  value,
  int,
  min,
  max,
  error,
  suffix,
  onChange,
}: {
  label: string;
  description?: string;
  value: number | undefined;
  int: boolean;
  min?: number;
  max?: number;
  error?: string;
  suffix?: string;
  onChange: (value: number | undefined) => void;
}) {
  const { t } = useTranslation();
  const [text, setText] = useState(value === undefined ? '' : String(value));
  const parsed = parseNumberText(text, { int });
  // Another change of the value (undo, another panel) shows through; the person's own typing stays as typed.
  useEffect(() => {
    if (parseNumberText(text, { int }).value !== value) setText(value === undefined ? '' : String(value));
  }, [value]);
  const local = parsed.invalid ? t(int ? 'stepForms.issues.whole' : 'stepForms.issues.number', { field: label }) : undefined;
  return (
    <TextInput
      label={label}
      description={description}
      inputMode={int && (min ?? 0) >= 0 ? 'numeric' : 'text'}
      value={text}
      error={local ?? error}
      rightSection={suffix}
      rightSectionWidth={suffix ? 56 : undefined}
      min={min}
      max={max}
      onChange={(e) => {
        const next = e.currentTarget.value;
        setText(next);
        const p = parseNumberText(next, { int });
        if (p.value !== undefined) onChange(p.value);
        else if (next.trim() === '') onChange(undefined);
      }}
      onBlur={() => setText(value === undefined ? '' : String(value))}
    />
  );
}
