import fc from 'fast-check';

/**
 * fast-check arbitraries from the OpenAPI document's JSON schemas: values a schema accepts (with
 * fast-check's bias towards boundaries: empty strings, 0, the min and max), and values just outside
 * it (a required field missing, a wrong type, past a bound, not a member of an enum).
 */
export type JsonSchema = {
  $ref?: string;
  type?: string | string[];
  const?: unknown;
  enum?: unknown[];
  anyOf?: JsonSchema[];
  oneOf?: JsonSchema[];
  allOf?: JsonSchema[];
  properties?: Record<string, JsonSchema>;
  required?: string[];
  additionalProperties?: boolean | JsonSchema;
  items?: JsonSchema;
  prefixItems?: JsonSchema[];
  minItems?: number;
  maxItems?: number;
  minLength?: number;
  maxLength?: number;
  pattern?: string;
  format?: string;
  minimum?: number;
  maximum?: number;
  exclusiveMinimum?: number;
  exclusiveMaximum?: number;
  default?: unknown;
};

/** How far a recursive schema (a flow's conditions) is followed before it stops nesting. */
const MAX_DEPTH = 6;
/** Values of unknown shape (`{}`): any JSON, shallow. */
const anyJson = fc.jsonValue({ maxDepth: 2 });

export class SchemaArbitraries {
  constructor(private readonly components: Record<string, JsonSchema>) {}

  resolve(schema: JsonSchema): JsonSchema {
    let current = schema;
    for (let hops = 0; current.$ref && hops < 20; hops++) current = this.components[current.$ref.replace('#/components/schemas/', '')] ?? {};
    return current;
  }

  /** Values the schema accepts. */
  valid(schema: JsonSchema, depth = 0): fc.Arbitrary<unknown> {
    const s = this.resolve(schema);
    if (depth > MAX_DEPTH) return fc.constant(s.default ?? null);
    if (s.const !== undefined) return fc.constant(s.const);
    if (s.enum) return fc.constantFrom(...s.enum);
    const alternatives = s.anyOf ?? s.oneOf;
    if (alternatives) return fc.oneof(...alternatives.map((a) => this.valid(a, depth + 1)));
    if (s.allOf?.length) return this.valid(s.allOf[0]!, depth + 1);
    if (Array.isArray(s.type)) return fc.oneof(...s.type.map((type) => this.valid({ ...s, type }, depth)));
    switch (s.type) {
      case 'string':
        return this.string(s);
      case 'integer':
        return fc.integer({ min: bound(s.minimum, s.exclusiveMinimum, 1, -1e12), max: bound(s.maximum, s.exclusiveMaximum, -1, 1e12) });
      case 'number':
        return fc.double({ min: s.minimum ?? s.exclusiveMinimum ?? -1e9, max: s.maximum ?? s.exclusiveMaximum ?? 1e9, noNaN: true, noDefaultInfinity: true });
      case 'boolean':
        return fc.boolean();
      case 'null':
        return fc.constant(null);
      case 'array': {
        const minLength = s.minItems ?? 0;
        if (s.prefixItems) return fc.tuple(...s.prefixItems.map((p) => this.valid(p, depth + 1)));
        return fc.array(s.items ? this.valid(s.items, depth + 1) : anyJson, { minLength, maxLength: Math.min(s.maxItems ?? minLength + 4, minLength + 4) });
      }
      case 'object':
        return this.object(s, depth);
      default:
        return s.properties ? this.object(s, depth) : anyJson;
    }
  }

  /** Values just outside the schema (and, for objects, one field of them so). */
  invalid(schema: JsonSchema, depth = 0): fc.Arbitrary<unknown> {
    const s = this.resolve(schema);
    const wrongType = fc.constantFrom<unknown>(null, 0, -1, 1.5, 1e308, '', 'x', '<script>', true, [], {}, '1970-01-01', '0000-00-00', 'NaN');
    const options: Array<fc.Arbitrary<unknown>> = [wrongType];
    if (s.enum) options.push(fc.constant('not-a-member'));
    if (s.type === 'string' || (Array.isArray(s.type) && s.type.includes('string'))) {
      options.push(fc.constant('x'.repeat((s.maxLength ?? 10_000) + 1)), fc.string({ unit: 'binary', maxLength: 40 }));
      if (s.minLength) options.push(fc.constant('x'.repeat(s.minLength - 1)));
    }
    if (s.type === 'integer' || s.type === 'number') {
      options.push(fc.constantFrom(Number.MAX_SAFE_INTEGER + 2, -Number.MAX_SAFE_INTEGER, 0.001, 9e13 * 100));
      if (s.maximum !== undefined) options.push(fc.constant(s.maximum + 1));
      if (s.minimum !== undefined) options.push(fc.constant(s.minimum - 1));
    }
    if (s.type === 'array' && s.items) options.push(fc.array(this.invalid(s.items, depth + 1), { minLength: 1, maxLength: 3 }));
    if ((s.type === 'object' || s.properties) && depth <= MAX_DEPTH) options.push(this.objectWithOneBadField(s, depth));
    return fc.oneof(...options);
  }

  private string(s: JsonSchema): fc.Arbitrary<string> {
    switch (s.format) {
      case 'uuid':
        return fc.uuid();
      case 'date':
        return fc.date({ min: new Date('2000-01-01'), max: new Date('2099-12-31'), noInvalidDate: true }).map((d) => d.toISOString().slice(0, 10));
      case 'date-time':
        return fc.date({ min: new Date('2000-01-01'), max: new Date('2099-12-31'), noInvalidDate: true }).map((d) => d.toISOString());
      case 'email':
        return fc.emailAddress().filter((e) => e.length <= (s.maxLength ?? 254));
    }
    if (s.pattern) {
      try {
        return fc.stringMatching(new RegExp(s.pattern)).filter((v) => v.length <= (s.maxLength ?? 500) && v.length >= (s.minLength ?? 0));
      } catch {
        // a pattern JavaScript cannot compile: plain strings
      }
    }
    const minLength = s.minLength ?? 0;
    return fc.string({ minLength, maxLength: Math.max(minLength, Math.min(s.maxLength ?? minLength + 30, minLength + 30)) });
  }

  private object(s: JsonSchema, depth: number): fc.Arbitrary<Record<string, unknown>> {
    const properties = Object.entries(s.properties ?? {});
    const model = Object.fromEntries(properties.map(([name, p]) => [name, this.valid(p, depth + 1)]));
    return fc.record(model, { requiredKeys: (s.required ?? []).filter((k) => k in model) }) as fc.Arbitrary<Record<string, unknown>>;
  }

  private objectWithOneBadField(s: JsonSchema, depth: number): fc.Arbitrary<unknown> {
    const names = Object.keys(s.properties ?? {});
    if (names.length === 0) return fc.constant({ unexpected: 1 });
    return fc.tuple(this.object(s, depth), fc.constantFrom(...names), fc.boolean()).chain(([value, name, drop]) => {
      if (drop) {
        const rest = { ...value };
        delete rest[name];
        return fc.constant(rest);
      }
      return this.invalid(s.properties![name]!, depth + 1).map((bad) => ({ ...value, [name]: bad }));
    });
  }
}

function bound(inclusive: number | undefined, exclusive: number | undefined, step: number, fallback: number): number {
  if (inclusive !== undefined) return Math.max(-Number.MAX_SAFE_INTEGER, Math.min(Number.MAX_SAFE_INTEGER, inclusive));
  if (exclusive !== undefined) return exclusive + step;
  return fallback;
}
