import { invalidArgument } from '../grpc/rpc-error';
import { IndexedValueType, common } from '../proto/temporal-proto';
import { type SearchAttributeRegistry, decodeSearchAttributeValue } from '../engine/search-attributes';
import { type Condition, type Literal, parseVisibilityQuery } from '../visibility/visibility-query';
import type { ScheduleEntry } from './schedule-state';

type Value = string | number | boolean | string[] | undefined;

/**
 * The ListSchedules query: the visibility query language over a schedule's search attributes —
 * `ScheduleId`, `TemporalSchedulePaused` and the custom attributes it was created with.
 */
export function scheduleFilter(queryText: string | null | undefined, registry: SearchAttributeRegistry): (entry: ScheduleEntry) => boolean {
  if (!queryText?.trim()) return () => true;
  const { condition } = parseVisibilityQuery(queryText);
  if (!condition) return () => true;

  const typeOf = (field: string): number => {
    if (field === 'ScheduleId') return IndexedValueType.INDEXED_VALUE_TYPE_KEYWORD;
    if (field === 'TemporalSchedulePaused') return IndexedValueType.INDEXED_VALUE_TYPE_BOOL;
    const type = registry.typeOf(field);
    if (type === undefined) throw invalidArgument(`invalid query: unknown or unsupported search attribute ${field}`);
    return type;
  };
  const literal = (field: string, value: Literal): Value => (typeOf(field) === IndexedValueType.INDEXED_VALUE_TYPE_DATETIME ? Date.parse(String(value)) : value);
  const valueOf = (entry: ScheduleEntry, field: string): Value => {
    if (field === 'ScheduleId') return entry.state.scheduleId;
    if (field === 'TemporalSchedulePaused') return entry.body.state.paused;
    const bytes = entry.state.searchAttributes[field];
    const raw = bytes ? (decodeSearchAttributeValue(common.Payload.decode(bytes)) as Value) : undefined;
    return raw !== undefined && typeOf(field) === IndexedValueType.INDEXED_VALUE_TYPE_DATETIME ? Date.parse(String(raw)) : raw;
  };
  const equals = (value: Value, other: Value) => (Array.isArray(value) ? value.includes(String(other)) : value === other);
  const compare = (value: Value, other: Value) => (value === undefined || other === undefined ? NaN : value < other ? -1 : value > other ? 1 : 0);

  const matches = (entry: ScheduleEntry, c: Condition): boolean => {
    switch (c.kind) {
      case 'and':
        return matches(entry, c.left) && matches(entry, c.right);
      case 'or':
        return matches(entry, c.left) || matches(entry, c.right);
      case 'not':
        return !matches(entry, c.condition);
      case 'isNull':
        return (valueOf(entry, c.field) === undefined) !== c.negated;
      case 'startsWith': {
        const value = valueOf(entry, c.field);
        return (typeof value === 'string' && value.startsWith(c.prefix)) !== c.negated;
      }
      case 'in':
        return c.values.some((v) => equals(valueOf(entry, c.field), literal(c.field, v))) !== c.negated;
      case 'between': {
        const value = valueOf(entry, c.field);
        const inside = compare(value, literal(c.field, c.low)) >= 0 && compare(value, literal(c.field, c.high)) <= 0;
        return inside !== c.negated;
      }
      case 'compare': {
        const value = valueOf(entry, c.field);
        const other = literal(c.field, c.value);
        if (c.operator === '=') return equals(value, other);
        if (c.operator === '!=') return !equals(value, other);
        const order = compare(value, other);
        return c.operator === '<' ? order < 0 : c.operator === '<=' ? order <= 0 : c.operator === '>' ? order > 0 : order >= 0;
      }
    }
  };
  return (entry) => matches(entry, condition);
}
