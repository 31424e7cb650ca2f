import { invalidArgument } from '../grpc/rpc-error';

/**
 * Parser for Temporal's visibility query language (the SQL-like `WorkflowType = 'x' AND
 * CustomIntField > 3 ORDER BY StartTime DESC`): comparisons, IN, BETWEEN, STARTS_WITH,
 * IS [NOT] NULL, AND/OR/NOT, parentheses, ORDER BY.
 */

export type Literal = string | number | boolean;

export type Condition =
  | { kind: 'and' | 'or'; left: Condition; right: Condition }
  | { kind: 'not'; condition: Condition }
  | { kind: 'compare'; field: string; operator: '=' | '!=' | '<' | '<=' | '>' | '>='; value: Literal }
  | { kind: 'in'; field: string; values: Literal[]; negated: boolean }
  | { kind: 'between'; field: string; low: Literal; high: Literal; negated: boolean }
  | { kind: 'startsWith'; field: string; prefix: string; negated: boolean }
  | { kind: 'isNull'; field: string; negated: boolean };

export interface OrderBy {
  field: string;
  descending: boolean;
}

export interface VisibilityQuery {
  condition?: Condition;
  orderBy: OrderBy[];
  groupBy: string[];
}

type Token =
  | { type: 'word'; text: string }
  | { type: 'ident'; text: string }
  | { type: 'string'; text: string }
  | { type: 'number'; value: number }
  | { type: 'op'; text: string }
  | { type: 'punct'; text: '(' | ')' | ',' };

function tokenize(input: string): Token[] {
  const tokens: Token[] = [];
  let i = 0;
  while (i < input.length) {
    const c = input[i]!;
    if (/\s/.test(c)) {
      i++;
    } else if (c === "'" || c === '"') {
      let text = '';
      i++;
      while (i < input.length && input[i] !== c) {
        if (input[i] === '\\' && i + 1 < input.length) i++;
        text += input[i++];
      }
      if (i >= input.length) throw invalidArgument(`invalid query: unterminated string starting at ${JSON.stringify(text)}`);
      i++;
      tokens.push({ type: 'string', text });
    } else if (c === '`') {
      const end = input.indexOf('`', i + 1);
      if (end < 0) throw invalidArgument('invalid query: unterminated backtick identifier');
      tokens.push({ type: 'ident', text: input.slice(i + 1, end) });
      i = end + 1;
    } else if ('(),'.includes(c)) {
      tokens.push({ type: 'punct', text: c as '(' | ')' | ',' });
      i++;
    } else if ('=!<>'.includes(c)) {
      const two = input.slice(i, i + 2);
      const op = ['!=', '<>', '<=', '>='].includes(two) ? two : c;
      if (op === '!') throw invalidArgument(`invalid query: unexpected "!" at position ${i}`);
      tokens.push({ type: 'op', text: op === '<>' ? '!=' : op });
      i += op.length === 2 || two === '<>' ? 2 : 1;
    } else if (/[-0-9]/.test(c)) {
      const match = /^-?\d+(\.\d+)?/.exec(input.slice(i));
      if (!match) throw invalidArgument(`invalid query: unexpected "${c}" at position ${i}`);
      tokens.push({ type: 'number', value: Number(match[0]) });
      i += match[0].length;
    } else if (/[A-Za-z_]/.test(c)) {
      const match = /^[A-Za-z_][A-Za-z0-9_.]*/.exec(input.slice(i))!;
      tokens.push({ type: 'word', text: match[0] });
      i += match[0].length;
    } else {
      throw invalidArgument(`invalid query: unexpected "${c}" at position ${i}`);
    }
  }
  return tokens;
}

export function parseVisibilityQuery(input: string | null | undefined): VisibilityQuery {
  const parser = new Parser(tokenize(input ?? ''));
  return parser.parseQuery();
}

class Parser {
  private position = 0;

  constructor(private readonly tokens: Token[]) {}

  parseQuery(): VisibilityQuery {
    const query: VisibilityQuery = { orderBy: [], groupBy: [] };
    if (!this.atEnd() && !this.isKeyword('ORDER') && !this.isKeyword('GROUP')) query.condition = this.parseOr();
    if (this.acceptKeyword('GROUP')) {
      this.expectKeyword('BY');
      do query.groupBy.push(this.parseField());
      while (this.acceptPunct(','));
    }
    if (this.acceptKeyword('ORDER')) {
      this.expectKeyword('BY');
      do {
        const field = this.parseField();
        const descending = this.acceptKeyword('DESC') ? true : (this.acceptKeyword('ASC'), false);
        query.orderBy.push({ field, descending });
      } while (this.acceptPunct(','));
    }
    if (!this.atEnd()) throw invalidArgument(`invalid query: unexpected ${describe(this.tokens[this.position]!)}`);
    return query;
  }

  private parseOr(): Condition {
    let left = this.parseAnd();
    while (this.acceptKeyword('OR')) left = { kind: 'or', left, right: this.parseAnd() };
    return left;
  }

  private parseAnd(): Condition {
    let left = this.parseUnary();
    while (this.acceptKeyword('AND')) left = { kind: 'and', left, right: this.parseUnary() };
    return left;
  }

  private parseUnary(): Condition {
    if (this.acceptKeyword('NOT')) return { kind: 'not', condition: this.parseUnary() };
    if (this.acceptPunct('(')) {
      const inner = this.parseOr();
      this.expectPunct(')');
      return inner;
    }
    return this.parsePredicate();
  }

  private parsePredicate(): Condition {
    const field = this.parseField();
    const token = this.tokens[this.position];
    if (token?.type === 'op') {
      this.position++;
      return { kind: 'compare', field, operator: token.text as '=', value: this.parseLiteral() };
    }
    if (this.acceptKeyword('IS')) {
      const negated = this.acceptKeyword('NOT');
      this.expectKeyword('NULL');
      return { kind: 'isNull', field, negated };
    }
    const negated = this.acceptKeyword('NOT');
    if (this.acceptKeyword('IN')) {
      this.expectPunct('(');
      const values: Literal[] = [];
      do values.push(this.parseLiteral());
      while (this.acceptPunct(','));
      this.expectPunct(')');
      return { kind: 'in', field, values, negated };
    }
    if (this.acceptKeyword('BETWEEN')) {
      const low = this.parseLiteral();
      this.expectKeyword('AND');
      return { kind: 'between', field, low, high: this.parseLiteral(), negated };
    }
    if (this.acceptKeyword('STARTS_WITH')) {
      const prefix = this.parseLiteral();
      if (typeof prefix !== 'string') throw invalidArgument(`invalid query: STARTS_WITH on ${field} needs a string`);
      return { kind: 'startsWith', field, prefix, negated };
    }
    throw invalidArgument(`invalid query: expected an operator after ${field}`);
  }

  private parseField(): string {
    const token = this.tokens[this.position];
    if (token?.type === 'word' || token?.type === 'ident') {
      this.position++;
      return token.text;
    }
    throw invalidArgument(`invalid query: expected a search attribute name, got ${token ? describe(token) : 'the end'}`);
  }

  private parseLiteral(): Literal {
    const token = this.tokens[this.position++];
    if (token?.type === 'string') return token.text;
    if (token?.type === 'number') return token.value;
    if (token?.type === 'word' && /^(true|false)$/i.test(token.text)) return token.text.toLowerCase() === 'true';
    throw invalidArgument(`invalid query: expected a value, got ${token ? describe(token) : 'the end'}`);
  }

  private atEnd(): boolean {
    return this.position >= this.tokens.length;
  }

  private isKeyword(keyword: string): boolean {
    const token = this.tokens[this.position];
    return token?.type === 'word' && token.text.toUpperCase() === keyword;
  }

  private acceptKeyword(keyword: string): boolean {
    if (!this.isKeyword(keyword)) return false;
    this.position++;
    return true;
  }

  private expectKeyword(keyword: string): void {
    if (!this.acceptKeyword(keyword)) throw invalidArgument(`invalid query: expected ${keyword}`);
  }

  private acceptPunct(text: string): boolean {
    const token = this.tokens[this.position];
    if (token?.type !== 'punct' || token.text !== text) return false;
    this.position++;
    return true;
  }

  private expectPunct(text: string): void {
    if (!this.acceptPunct(text)) throw invalidArgument(`invalid query: expected "${text}"`);
  }
}

function describe(token: Token): string {
  switch (token.type) {
    case 'number':
      return `number ${token.value}`;
    case 'string':
      return `'${token.text}'`;
    default:
      return `"${token.text}"`;
  }
}
