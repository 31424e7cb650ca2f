import { parseVisibilityQuery } from './visibility-query';

describe('visibility query parser', () => {
  it('parses comparisons, IN, BETWEEN, STARTS_WITH, IS NULL with AND/OR/NOT precedence', () => {
    const { condition } = parseVisibilityQuery("WorkflowType = 'invoice' AND (AmountDue >= 100 OR NOT CustomerTier IN ('gold', \"silver\")) AND CloseTime IS NULL");
    expect(condition).toEqual({
      kind: 'and',
      left: {
        kind: 'and',
        left: { kind: 'compare', field: 'WorkflowType', operator: '=', value: 'invoice' },
        right: {
          kind: 'or',
          left: { kind: 'compare', field: 'AmountDue', operator: '>=', value: 100 },
          right: { kind: 'not', condition: { kind: 'in', field: 'CustomerTier', values: ['gold', 'silver'], negated: false } },
        },
      },
      right: { kind: 'isNull', field: 'CloseTime', negated: false },
    });
    expect(parseVisibilityQuery("StartTime BETWEEN '2026-01-01' AND '2026-02-01'").condition).toMatchObject({ kind: 'between', low: '2026-01-01' });
    expect(parseVisibilityQuery("WorkflowId STARTS_WITH 'invoice-'").condition).toMatchObject({ kind: 'startsWith', prefix: 'invoice-' });
    expect(parseVisibilityQuery('`Amount Due` <> -3').condition).toEqual({ kind: 'compare', field: 'Amount Due', operator: '!=', value: -3 });
  });

  it('parses ORDER BY and GROUP BY, and an empty query', () => {
    expect(parseVisibilityQuery("ExecutionStatus = 'Running' ORDER BY StartTime DESC, WorkflowId")).toMatchObject({
      orderBy: [
        { field: 'StartTime', descending: true },
        { field: 'WorkflowId', descending: false },
      ],
    });
    expect(parseVisibilityQuery('GROUP BY ExecutionStatus')).toEqual({ orderBy: [], groupBy: ['ExecutionStatus'] });
    expect(parseVisibilityQuery('')).toEqual({ orderBy: [], groupBy: [] });
  });

  it('names what is wrong in a malformed query', () => {
    expect(() => parseVisibilityQuery("WorkflowType = 'unterminated")).toThrow(/unterminated string/);
    expect(() => parseVisibilityQuery('WorkflowType ~ 3')).toThrow(/unexpected "~"/);
    expect(() => parseVisibilityQuery('WorkflowType')).toThrow(/expected an operator after WorkflowType/);
    expect(() => parseVisibilityQuery("(WorkflowType = 'a'")).toThrow(/expected "\)"/);
  });
});
