import { type Flow, type FlowProblem, type TemplateRef, validateFlow } from '@dunning/flow';

/**
 * `validateFlow` that runs again only when something it reads changes. Where the cards sit is not
 * one of those things, so dragging a step across a 300-step flow does not re-validate it on every
 * frame, while a connect or an edit is validated in the same render (cards and their outcome
 * handles never shift under the pointer after the fact).
 */
export function cachedValidation() {
  let last: { flow: Flow; templates: TemplateRef[] | undefined; problems: FlowProblem[] } | undefined;
  return (flow: Flow, templates: TemplateRef[] | undefined): FlowProblem[] => {
    if (last && last.templates === templates && differsOnlyInPositions(last.flow, flow)) return last.problems;
    last = { flow, templates, problems: validateFlow(flow, { templates }) };
    return last.problems;
  };
}

/** Edits copy what they change (see graph-conversion.ts), so comparing references is enough. */
export function differsOnlyInPositions(before: Flow, after: Flow): boolean {
  if (before === after) return true;
  if (!sameExcept(before, after, 'nodes') || before.nodes.length !== after.nodes.length) return false;
  return before.nodes.every((step, i) => step === after.nodes[i] || sameExcept(step, after.nodes[i]!, 'position'));
}

function sameExcept<T extends object>(a: T, b: T, ignored: keyof T): boolean {
  const keys = new Set([...Object.keys(a), ...Object.keys(b)] as Array<keyof T>);
  for (const key of keys) if (key !== ignored && a[key] !== b[key]) return false;
  return true;
}

/**
 * The last flow that differs from the one before in more than where its cards sit: the plan and
 * the simulation read the steps and their links, not their places, so a drag does not redraw them.
 */
export function ignoringPositions() {
  let last: Flow | undefined;
  return (flow: Flow): Flow => {
    if (!last || !differsOnlyInPositions(last, flow)) last = flow;
    return last;
  };
}
