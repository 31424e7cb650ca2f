import { BadRequestException, type PipeTransform } from '@nestjs/common';
import type { ZodType } from 'zod';

export interface FieldProblem {
  field: string;
  message: string;
}

/**
 * Validates a request part with a zod schema; a 400 lists every problem with the field it concerns
 * (`field` names a path parameter validated on its own).
 */
export class ZodPipe<T> implements PipeTransform<unknown, T> {
  constructor(
    private readonly schema: ZodType<T>,
    private readonly field?: string,
  ) {}

  transform(value: unknown): T {
    const parsed = this.schema.safeParse(value);
    if (parsed.success) return parsed.data;
    const problems: FieldProblem[] = parsed.error.issues.flatMap((issue) => {
      const at = (path: PropertyKey[]) =>
        [this.field, ...path]
          .filter((p) => p !== undefined)
          .map(String)
          .join('.') || '(body)';
      // A field the request does not have: name it, not its parent (a misspelt field must be found).
      if (issue.code === 'unrecognized_keys') return issue.keys.map((key) => ({ field: at([...issue.path, key]), message: 'not a field of this request' }));
      return [{ field: at(issue.path), message: issue.message }];
    });
    throw new BadRequestException({ message: `invalid request: ${problems.map((p) => `${p.field}: ${p.message}`).join('; ')}`, problems });
  }
}
