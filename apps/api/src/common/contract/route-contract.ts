import type { ZodType } from 'zod';

/**
 * What a route takes and answers, recorded by the decorators of ./contract.decorators.ts on the
 * handler: the same zod schemas validate the request, check the response (CHECK_RESPONSES) and
 * make the OpenAPI document.
 */
export interface RouteContract {
  summary?: string;
  description?: string;
  request: {
    body?: { schema: ZodType; contentType: string; files: string[] };
    query?: ZodType;
    params: Record<string, ZodType>;
    /** Argument positions validated by a contract decorator (the coverage test compares them with Nest's). */
    validatedArguments: number[];
  };
  /** `schema: null`: no JSON body (204, a file, a redirect). */
  response?: { status?: number; schema: ZodType | null; contentType: string };
  /** Statuses this route may answer besides its success and the ones every route may (400, 401, 403…). */
  errors: number[];
  /** Overrides the caller's security (a webhook with its own scheme). */
  security?: Array<Record<string, string[]>>;
}

const CONTRACT = Symbol('routeContract');

// eslint-disable-next-line @typescript-eslint/no-unsafe-function-type -- handlers are any function
type Handler = Function;

export function contractOf(handler: Handler): RouteContract | undefined {
  return Reflect.getMetadata(CONTRACT, handler) as RouteContract | undefined;
}

export function updateContract(handler: Handler, change: (contract: RouteContract) => void): void {
  const contract = contractOf(handler) ?? { request: { params: {}, validatedArguments: [] }, errors: [] };
  change(contract);
  Reflect.defineMetadata(CONTRACT, contract, handler);
}
