import Handlebars from 'handlebars';
import { sampleTemplateContext } from './sample-context';

/** Why a template's source cannot be saved: the part, and the variable when one is unknown. */
export interface TemplateProblem {
  part: string;
  message: string;
  /** The unknown variable (as written), when that is the problem. */
  variable?: string;
  line?: number;
}

type Node = hbs.AST.Node;
type Scope = unknown;

const BUILT_IN_HELPERS = new Set(['if', 'unless', 'each', 'with', 'lookup', 'log']);

/**
 * Reads a template's source without running it and names every variable it uses that the
 * template context does not have (the sample context has every key, optional ones included),
 * following `#each` and `#with` into the items they walk. Runs before rendering, so a variable
 * inside a branch the sample data never takes is caught too.
 */
export function unknownVariables(source: string, helpers: ReadonlySet<string>, partials: ReadonlySet<string>): TemplateProblem[] {
  const problems: Omit<TemplateProblem, 'part'>[] = [];
  let program: hbs.AST.Program;
  try {
    program = Handlebars.parse(source);
  } catch (error) {
    const message = (error as Error).message.split('\n')[0]!;
    const line = /line (\d+)/.exec(message)?.[1];
    return [{ part: '', message: `the template cannot be read: ${message}`, ...(line ? { line: Number(line) } : {}) }];
  }
  const root: Scope = sampleTemplateContext('fr', 1);
  const isHelper = (name: string) => BUILT_IN_HELPERS.has(name) || helpers.has(name);

  const resolve = (path: hbs.AST.PathExpression, stack: Scope[]): boolean => {
    if (path.data) {
      if (path.parts[0] !== 'root') return true; // @index, @first, @last, @key…
      return lookup(root, path.parts.slice(1)) !== undefined;
    }
    if (path.parts.length === 0) return true; // this, .
    const scope = stack[stack.length - 1 - path.depth];
    return scope !== undefined && lookup(scope, path.parts) !== undefined;
  };
  const scopeOf = (path: hbs.AST.Expression, stack: Scope[]): Scope | undefined => {
    if (path.type !== 'PathExpression') return undefined;
    const p = path as hbs.AST.PathExpression;
    const scope = p.data && p.parts[0] === 'root' ? root : stack[stack.length - 1 - p.depth];
    return lookup(scope, p.data ? p.parts.slice(1) : p.parts);
  };
  const report = (path: hbs.AST.PathExpression) =>
    problems.push({ variable: path.original, message: `"${path.original}" is not a variable templates can use`, line: path.loc?.start.line });

  const expression = (node: hbs.AST.Expression, stack: Scope[]): void => {
    if (node.type === 'PathExpression') {
      if (!resolve(node as hbs.AST.PathExpression, stack)) report(node as hbs.AST.PathExpression);
    } else if (node.type === 'SubExpression') {
      call(node as hbs.AST.SubExpression, stack);
    }
  };
  const call = (node: { path: hbs.AST.PathExpression | hbs.AST.Literal; params: hbs.AST.Expression[]; hash?: hbs.AST.Hash }, stack: Scope[]): void => {
    const path = node.path as hbs.AST.PathExpression;
    const helper = path.type === 'PathExpression' && path.parts.length === 1 && !path.data && path.depth === 0 && isHelper(path.parts[0]!);
    if (!helper) {
      if (node.params.length > 0) problems.push({ variable: path.original, message: `"${path.original}" is not a helper templates can use`, line: path.loc?.start.line });
      else expression(node.path as hbs.AST.Expression, stack);
    }
    for (const param of node.params) expression(param, stack);
    for (const pair of node.hash?.pairs ?? []) expression(pair.value, stack);
  };
  const walk = (node: Node | undefined, stack: Scope[]): void => {
    if (!node) return;
    switch (node.type) {
      case 'Program':
        for (const statement of (node as hbs.AST.Program).body) walk(statement, stack);
        return;
      case 'MustacheStatement':
        call(node as hbs.AST.MustacheStatement, stack);
        return;
      case 'BlockStatement': {
        const block = node as hbs.AST.BlockStatement;
        call(block, stack);
        const name = (block.path as hbs.AST.PathExpression).original;
        let inner = stack;
        if (name === 'each') {
          const list = scopeOf(block.params[0]!, stack);
          inner = [...stack, Array.isArray(list) ? list[0] : list && typeof list === 'object' ? Object.values(list)[0] : undefined];
        } else if (name === 'with') inner = [...stack, scopeOf(block.params[0]!, stack)];
        walk(block.program, inner);
        walk(block.inverse, stack);
        return;
      }
      case 'PartialStatement':
      case 'PartialBlockStatement': {
        const partial = node as hbs.AST.PartialStatement;
        const name = partial.name.type === 'PathExpression' ? (partial.name as hbs.AST.PathExpression).original : String((partial.name as unknown as hbs.AST.StringLiteral).value);
        if (!partials.has(name)) problems.push({ variable: `> ${name}`, message: `there is no partial "${name}"`, line: partial.loc?.start.line });
        if (node.type === 'PartialBlockStatement') walk((node as hbs.AST.PartialBlockStatement).program, stack);
        return;
      }
      default:
        return;
    }
  };
  walk(program, [root]);
  return problems.map((p) => ({ part: '', ...p }));
}

function lookup(scope: Scope, parts: string[]): unknown {
  let value: unknown = scope;
  for (const part of parts) {
    if (value === null || value === undefined) return undefined;
    if (Array.isArray(value) && part === 'length') return value.length;
    if (typeof value !== 'object' || !(part in (value as object))) return undefined;
    value = (value as Record<string, unknown>)[part];
  }
  return value;
}
