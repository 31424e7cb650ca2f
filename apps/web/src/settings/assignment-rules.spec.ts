import { bandOf, inPriorityOrder, isCatchAll, moved, ruleConditions, toInputs, unreachable } from './assignment-rules';

const rule = (fields: Partial<Parameters<typeof ruleConditions>[0]> & { priority?: number; flowId?: string }) => ({
  flowId: fields.flowId ?? 'f',
  priority: fields.priority ?? 1,
  riskMin: null,
  riskMax: null,
  segment: null,
  amountMin: null,
  amountMax: null,
  currency: null,
  ...fields,
});

describe('assignment rules in words', () => {
  it('says each condition: an amount bound, a score band, a segment', () => {
    expect(ruleConditions(rule({ amountMin: 5000_00, currency: 'EUR', riskMin: 1, riskMax: 3 }))).toEqual([
      { kind: 'amountAtLeast', min: 5000_00, currency: 'EUR' },
      { kind: 'score', min: 1, max: 3, band: 'poor' },
    ]);
    expect(ruleConditions(rule({ amountMin: 100_00, amountMax: 900_00, currency: 'EUR', segment: 'vip', riskMin: 2, riskMax: 6 }))).toEqual([
      { kind: 'amountBetween', min: 100_00, max: 900_00, currency: 'EUR' },
      { kind: 'score', min: 2, max: 6, band: undefined },
      { kind: 'segment', segment: 'vip' },
    ]);
    expect(ruleConditions(rule({ riskMin: 8 }))).toEqual([{ kind: 'score', min: 8, max: 10, band: 'very_good' }]);
    expect(bandOf(4, 5)).toBe('fragile');
  });

  it('knows a catch-all and the rules below it that can never match', () => {
    const rules = [rule({ segment: 'vip' }), rule({}), rule({ riskMin: 1, riskMax: 3 })];
    expect(isCatchAll(rules[1]!)).toBe(true);
    expect(unreachable(rules)).toEqual([2]);
    expect(unreachable([rule({ segment: 'vip' })])).toEqual([]);
  });

  it('moves a rule and renumbers the priorities in the order shown', () => {
    const rules = inPriorityOrder([rule({ priority: 100, flowId: 'c' }), rule({ priority: 1, flowId: 'a' }), rule({ priority: 2, flowId: 'b' })]);
    expect(rules.map((r) => r.flowId)).toEqual(['a', 'b', 'c']);
    const down = moved(rules, 0, 1);
    expect(down.map((r) => r.flowId)).toEqual(['b', 'a', 'c']);
    expect(moved(rules, 0, -1).map((r) => r.flowId)).toEqual(['a', 'b', 'c']);
    expect(toInputs(down).map((r) => [r.flowId, r.priority])).toEqual([
      ['b', 10],
      ['a', 20],
      ['c', 30],
    ]);
    expect(toInputs([rule({ amountMin: 5 })])[0]).toMatchObject({ amountMin: 5, currency: 'EUR' });
  });
});
