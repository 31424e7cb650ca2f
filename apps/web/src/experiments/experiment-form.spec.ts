import { ApiError } from '../api/http';
import { type ExperimentDraft, addArm, changeArm, draftProblems, formFields, newDraft, placeRefusal, removeArm, toBody } from './experiment-form';

const FLOW_A = '11111111-1111-4111-8111-111111111111';
const FLOW_B = '22222222-2222-4222-8222-222222222222';
const RULE = '33333333-3333-4333-8333-333333333333';

function complete(): ExperimentDraft {
  let draft: ExperimentDraft = { ...newDraft(), name: '  Firmer first reminder ', ruleId: RULE };
  draft = changeArm(draft, 0, { flowId: FLOW_A, flowVersion: 3 });
  draft = changeArm(draft, 1, { flowId: FLOW_B, flowVersion: 1, weight: 25 });
  return draft;
}

describe('the new-experiment form', () => {
  it('starts with two empty arms, A and B, weighted alike', () => {
    expect(newDraft().arms).toEqual([
      { key: 'A', flowId: null, flowVersion: null, weight: 50 },
      { key: 'B', flowId: null, flowVersion: null, weight: 50 },
    ]);
  });

  it('adds arms up to five, lettered in order, and removes down to two, lettering the rest again', () => {
    let draft = newDraft();
    for (let i = 0; i < 5; i++) draft = addArm(draft);
    expect(draft.arms.map((arm) => arm.key)).toEqual(['A', 'B', 'C', 'D', 'E']);
    draft = changeArm(draft, 3, { flowId: FLOW_B });
    draft = removeArm(draft, 1);
    expect(draft.arms.map((arm) => [arm.key, arm.flowId])).toEqual([
      ['A', null],
      ['B', null],
      ['C', FLOW_B],
      ['D', null],
    ]);
    draft = removeArm(removeArm(removeArm(draft, 0), 0), 0);
    expect(draft.arms.map((arm) => arm.key)).toEqual(['A', 'B']);
  });

  it('names every field with a problem, by the API’s own paths', () => {
    let draft = addArm({ ...newDraft(), name: '   ' });
    draft = changeArm(draft, 1, { flowId: FLOW_A, flowVersion: null, weight: 0 });
    draft = changeArm(draft, 2, { flowId: FLOW_B, flowVersion: 2, weight: '' });
    expect(draftProblems(draft)).toEqual({
      name: { key: 'experiments.problems.nameRequired' },
      ruleId: { key: 'experiments.problems.ruleRequired' },
      'arms.0.flowId': { key: 'experiments.problems.flowRequired', values: { key: 'A' } },
      'arms.1.flowVersion': { key: 'experiments.problems.versionRequired', values: { key: 'B' } },
      'arms.1.weight': { key: 'experiments.problems.weightRange', values: { key: 'B', max: 100 } },
      'arms.2.weight': { key: 'experiments.problems.weightRange', values: { key: 'C', max: 100 } },
    });
    expect(draftProblems({ ...complete(), name: 'x'.repeat(101) })).toEqual({ name: { key: 'experiments.problems.nameTooLong', values: { max: 100 } } });
    expect(draftProblems(changeArm(complete(), 0, { weight: 2.5 }))).toHaveProperty(['arms.0.weight']);
    expect(draftProblems(changeArm(complete(), 0, { weight: 101 }))).toHaveProperty(['arms.0.weight']);
    expect(draftProblems({ ...complete(), arms: complete().arms.slice(0, 1) })).toEqual({ arms: { key: 'experiments.problems.tooFewArms', values: { min: 2 } } });
  });

  it('sends the trimmed name, the rule and the arms with whole weights, only once nothing is wrong', () => {
    expect(toBody(complete())).toEqual({
      name: 'Firmer first reminder',
      ruleId: RULE,
      arms: [
        { key: 'A', flowId: FLOW_A, flowVersion: 3, weight: 50 },
        { key: 'B', flowId: FLOW_B, flowVersion: 1, weight: 25 },
      ],
    });
    expect(toBody(changeArm(complete(), 1, { flowId: null }))).toBeUndefined();
  });

  it('places the API’s refusals: a field it names under that field, a busy rule under the rule, anything else above the button', () => {
    const fields = formFields(complete());
    const refused = new ApiError(422, 'invalid', {
      message: 'invalid',
      problems: [
        { field: 'arms.1.flowVersion', message: 'flow version 7 is not published' },
        { field: 'ruleId', message: 'no such rule' },
      ],
    });
    expect(placeRefusal(refused, fields)).toEqual({
      byField: { 'arms.1.flowVersion': 'flow version 7 is not published', ruleId: 'no such rule' },
      ruleBusy: false,
      unplaced: false,
    });
    const elsewhere = new ApiError(422, 'invalid', {
      message: 'invalid',
      problems: [
        { field: 'arms.1.flowVersion', message: 'x' },
        { field: 'start', message: 'y' },
      ],
    });
    expect(placeRefusal(elsewhere, fields)).toEqual({ byField: { 'arms.1.flowVersion': 'x' }, ruleBusy: false, unplaced: true });
    expect(placeRefusal(new ApiError(409, 'that rule already has a running experiment', {}), fields)).toEqual({ byField: {}, ruleBusy: true, unplaced: false });
    expect(placeRefusal(new ApiError(500, 'boom', undefined), fields).unplaced).toBe(true);
    expect(placeRefusal(null, fields)).toEqual({ byField: {}, ruleBusy: false, unplaced: false });
  });
});
