import { ApiError } from '../api/http';
import { type SafeModeForm, type SafeModeSettings, safeModeBody, safeModeFormOf, safeModeProblems, safeModeRefusal } from './safe-mode-form';

const FLOW_A = '11111111-1111-4111-8111-111111111111';
const FLOW_B = '22222222-2222-4222-8222-222222222222';
const DEFAULTS: SafeModeSettings = { mode: 'first_sends', firstSends: 10, timeoutHours: 48, onTimeout: 'skip', flows: [] };

describe('the safe mode card', () => {
  it('starts from the stored settings, and sends them back whole', () => {
    const form = safeModeFormOf({ ...DEFAULTS, flows: [{ flowId: FLOW_A, mode: 'off' }] });
    expect(safeModeBody(form)).toEqual({ ...DEFAULTS, flows: [{ flowId: FLOW_A, mode: 'off' }] });
  });

  it('reads the number fields as typed, and refuses what the API would', () => {
    const form: SafeModeForm = { ...safeModeFormOf(DEFAULTS), mode: 'always', firstSends: '25', timeoutHours: '12', onTimeout: 'send' };
    expect(safeModeBody(form)).toEqual({ mode: 'always', firstSends: 25, timeoutHours: 12, onTimeout: 'send', flows: [] });
    for (const [firstSends, timeoutHours] of [
      ['', 0],
      [1001, 721],
      [2.5, '1.5'],
    ] as const) {
      const problems = safeModeProblems({ ...form, firstSends, timeoutHours });
      expect(Object.keys(problems).sort()).toEqual(['safeMode.firstSends', 'safeMode.timeoutHours']);
      expect(problems['safeMode.timeoutHours']).toEqual({ key: 'safeMode.problems.range', values: { min: 1, max: 720 } });
    }
    expect(safeModeBody({ ...form, firstSends: 0 })).toBeUndefined();
  });

  it('asks for a flow on every row, each flow once', () => {
    const form: SafeModeForm = {
      ...safeModeFormOf(DEFAULTS),
      flows: [
        { flowId: FLOW_A, mode: 'always' },
        { flowId: null, mode: 'off' },
        { flowId: FLOW_A, mode: 'off' },
        { flowId: FLOW_B, mode: 'off' },
      ],
    };
    expect(safeModeProblems(form)).toEqual({
      'safeMode.flows.1.flowId': { key: 'safeMode.problems.flowRequired' },
      'safeMode.flows.2.flowId': { key: 'safeMode.problems.flowTwice' },
    });
  });

  it('places the API’s refusal on the card’s fields, a deleted flow in its own words', () => {
    const refusal = new ApiError(422, 'safeMode.flows.0.flowId: no such flow', {
      problems: [
        { field: 'safeMode.flows.0.flowId', message: 'no such flow' },
        { field: 'safeMode.firstSends', message: 'Too big: expected number to be <=1000' },
        { field: 'sending.end', message: 'not this card' },
      ],
    });
    expect(safeModeRefusal(refusal)).toEqual({
      'safeMode.flows.0.flowId': { key: 'safeMode.problems.noSuchFlow' },
      'safeMode.firstSends': { message: 'Too big: expected number to be <=1000' },
    });
    expect(safeModeRefusal(new Error('offline'))).toEqual({});
  });
});
