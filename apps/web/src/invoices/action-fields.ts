import { toMinorUnits } from '../common/format';

export interface ActionField {
  name: string;
  label: string;
  /** money: typed in major units ("1 234,56"), sent in minor units. */
  kind: 'money' | 'text' | 'date' | 'textarea';
  required?: boolean;
  initial?: string;
  /** A value offered in one click under the field (e.g. the whole balance), with its label. */
  suggestion?: { label: string; value: string };
}

/** The values as the API takes them: money in minor units, blanks left out. `undefined` for an unreadable amount. */
export function readFields(fields: ActionField[], values: Record<string, string>, digits: number): Record<string, string | number> | undefined {
  const read: Record<string, string | number> = {};
  for (const field of fields) {
    const text = (values[field.name] ?? '').trim();
    if (!text) {
      if (field.required) return undefined;
      continue;
    }
    if (field.kind === 'money') {
      const minor = toMinorUnits(text, digits);
      if (!minor) return undefined;
      read[field.name] = minor;
    } else read[field.name] = text;
  }
  return read;
}
