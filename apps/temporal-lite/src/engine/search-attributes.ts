import { IndexedValueType, type IPayload } from '../proto/temporal-proto';
import { invalidArgument } from '../grpc/rpc-error';

const T = IndexedValueType;

/** Attributes every execution has; the server fills them in, workflows may not set them. */
export const SYSTEM_SEARCH_ATTRIBUTES: Record<string, number> = {
  WorkflowType: T.INDEXED_VALUE_TYPE_KEYWORD,
  WorkflowId: T.INDEXED_VALUE_TYPE_KEYWORD,
  RunId: T.INDEXED_VALUE_TYPE_KEYWORD,
  ExecutionStatus: T.INDEXED_VALUE_TYPE_KEYWORD,
  TaskQueue: T.INDEXED_VALUE_TYPE_KEYWORD,
  StartTime: T.INDEXED_VALUE_TYPE_DATETIME,
  CloseTime: T.INDEXED_VALUE_TYPE_DATETIME,
  ExecutionTime: T.INDEXED_VALUE_TYPE_DATETIME,
  ExecutionDuration: T.INDEXED_VALUE_TYPE_INT,
  HistoryLength: T.INDEXED_VALUE_TYPE_INT,
  HistorySizeBytes: T.INDEXED_VALUE_TYPE_INT,
  ParentWorkflowId: T.INDEXED_VALUE_TYPE_KEYWORD,
  ParentRunId: T.INDEXED_VALUE_TYPE_KEYWORD,
  RootWorkflowId: T.INDEXED_VALUE_TYPE_KEYWORD,
  RootRunId: T.INDEXED_VALUE_TYPE_KEYWORD,
};

/** System attributes that workflows (the SDK's patch API among them) may upsert. */
const WRITABLE_SYSTEM_ATTRIBUTES: Record<string, number> = {
  TemporalChangeVersion: T.INDEXED_VALUE_TYPE_KEYWORD_LIST,
  BinaryChecksums: T.INDEXED_VALUE_TYPE_KEYWORD_LIST,
  BuildIds: T.INDEXED_VALUE_TYPE_KEYWORD_LIST,
  TemporalPauseInfo: T.INDEXED_VALUE_TYPE_KEYWORD_LIST,
  // Set by the scheduler on the workflows a schedule starts.
  TemporalScheduledStartTime: T.INDEXED_VALUE_TYPE_DATETIME,
  TemporalScheduledById: T.INDEXED_VALUE_TYPE_KEYWORD,
  TemporalSchedulePaused: T.INDEXED_VALUE_TYPE_BOOL,
};

/** The custom attributes the Temporal CLI dev server registers by default. */
const DEFAULT_CUSTOM_ATTRIBUTES: Record<string, number> = {
  CustomKeywordField: T.INDEXED_VALUE_TYPE_KEYWORD,
  CustomStringField: T.INDEXED_VALUE_TYPE_TEXT,
  CustomTextField: T.INDEXED_VALUE_TYPE_TEXT,
  CustomIntField: T.INDEXED_VALUE_TYPE_INT,
  CustomDatetimeField: T.INDEXED_VALUE_TYPE_DATETIME,
  CustomDoubleField: T.INDEXED_VALUE_TYPE_DOUBLE,
  CustomBoolField: T.INDEXED_VALUE_TYPE_BOOL,
};

const TYPE_NAMES: Record<string, number> = {
  text: T.INDEXED_VALUE_TYPE_TEXT,
  keyword: T.INDEXED_VALUE_TYPE_KEYWORD,
  int: T.INDEXED_VALUE_TYPE_INT,
  double: T.INDEXED_VALUE_TYPE_DOUBLE,
  bool: T.INDEXED_VALUE_TYPE_BOOL,
  datetime: T.INDEXED_VALUE_TYPE_DATETIME,
  keywordlist: T.INDEXED_VALUE_TYPE_KEYWORD_LIST,
};

/** Parses the type names the CLI accepts (`Keyword`, `Int`, `Datetime`, …), case-insensitively. */
export function parseIndexedValueType(name: string): number {
  const type = TYPE_NAMES[name.toLowerCase().replace(/[_-]/g, '')];
  if (type === undefined) throw new Error(`unknown search attribute type "${name}" (expected one of ${Object.keys(TYPE_NAMES).join(', ')})`);
  return type;
}

/** The registry of custom search attributes, and decoding of their payload values. */
export class SearchAttributeRegistry {
  private readonly custom = new Map<string, number>(Object.entries(DEFAULT_CUSTOM_ATTRIBUTES));

  register(name: string, type: number): void {
    if (SYSTEM_SEARCH_ATTRIBUTES[name] !== undefined) throw invalidArgument(`Search attribute ${name} is reserved by system.`);
    const existing = this.custom.get(name);
    if (existing !== undefined && existing !== type) {
      throw invalidArgument(`Search attribute ${name} is already registered with another type.`);
    }
    this.custom.set(name, type);
  }

  remove(name: string): void {
    if (!this.custom.delete(name)) throw invalidArgument(`Search attribute ${name} doesn't exist.`);
  }

  typeOf(name: string): number | undefined {
    return SYSTEM_SEARCH_ATTRIBUTES[name] ?? WRITABLE_SYSTEM_ATTRIBUTES[name] ?? this.custom.get(name);
  }

  customAttributes(): Record<string, number> {
    return Object.fromEntries(this.custom);
  }

  allAttributes(): Record<string, number> {
    return { ...SYSTEM_SEARCH_ATTRIBUTES, ...WRITABLE_SYSTEM_ATTRIBUTES, ...this.customAttributes() };
  }

  /** Throws INVALID_ARGUMENT for an attribute that is unknown or that only the server may set. */
  assertWritable(name: string): number {
    if (SYSTEM_SEARCH_ATTRIBUTES[name] !== undefined) {
      throw invalidArgument(`Search attribute ${name} is reserved by system.`);
    }
    const type = WRITABLE_SYSTEM_ATTRIBUTES[name] ?? this.custom.get(name);
    if (type === undefined) {
      throw invalidArgument(`Namespace has no mapping defined for search attribute ${name}.`);
    }
    return type;
  }
}

/** Decodes a search attribute payload (JSON, as every SDK encodes them); undefined for an empty value. */
export function decodeSearchAttributeValue(payload: IPayload): unknown {
  if (!payload.data || payload.data.length === 0) return undefined;
  try {
    return JSON.parse(Buffer.from(payload.data).toString('utf8'));
  } catch {
    return undefined;
  }
}

export function encodeSearchAttributeValue(value: unknown, type: number): IPayload {
  const typeName = Object.entries(TYPE_NAMES).find(([, t]) => t === type)?.[0] ?? 'keyword';
  return {
    metadata: {
      encoding: Buffer.from('json/plain'),
      type: Buffer.from(typeName === 'keywordlist' ? 'KeywordList' : typeName[0]!.toUpperCase() + typeName.slice(1)),
    },
    data: Buffer.from(JSON.stringify(value)),
  };
}
