import { NODE_KINDS } from '@dunning/flow';
import { dataSchemaOf } from '../editor/node-kinds';
import { fieldsOf } from '../editor/SchemaForm';
import { stepWidgets } from './step-widgets';

describe('the plain inputs of the step forms', () => {
  it('names only fields the schemas have, so a renamed field cannot silently fall back to a raw input', () => {
    const fields = new Set(NODE_KINDS.flatMap((kind) => fieldsOf(dataSchemaOf(kind)).map((f) => f.name)));
    const named = new Set(NODE_KINDS.flatMap((kind) => Object.entries(stepWidgets(kind, () => '')).flatMap(([name, w]) => [name, ...(w.consumes ?? [])])));
    expect([...named].filter((name) => !fields.has(name))).toEqual([]);
  });

  it('leaves no step field to the raw data input', () => {
    const raw = NODE_KINDS.flatMap((kind) => {
      const widgets = stepWidgets(kind, () => '');
      return fieldsOf(dataSchemaOf(kind))
        .filter((f) => f.kind === 'json' && !widgets[f.name])
        .map((f) => `${kind}.${f.name}`);
    });
    expect(raw).toEqual([]);
  });

  it('reads whole numbers and their bounds from the schema', () => {
    expect(fieldsOf(dataSchemaOf('sms')).find((f) => f.name === 'maxSegments')).toMatchObject({ kind: 'number', int: true, min: 1, max: 6 });
    expect(fieldsOf(dataSchemaOf('late_fee')).find((f) => f.name === 'annualInterestRatePercent')).toMatchObject({ kind: 'number', int: false, optional: true });
  });
});
