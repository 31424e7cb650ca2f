import { BadRequestException, type PipeTransform } from '@nestjs/common';
import type { ZodType } from 'zod';

export interface FieldProblem {
  field: string;
  message: string;
}

/** Validates a request part with a zod schema; a 400 lists every problem with the field it concerns. */
export class ZodPipe<T> implements PipeTransform<unknown, T> {
  constructor(private readonly schema: ZodType<T>) {}

  transform(value: unknown): T {
    const parsed = this.schema.safeParse(value);
    if (parsed.success) return parsed.data;
    const problems: FieldProblem[] = parsed.error.issues.map((issue) => ({ field: issue.path.join('.') || '(body)', message: issue.message }));
    throw new BadRequestException({ message: `invalid request: ${problems.map((p) => `${p.field}: ${p.message}`).join('; ')}`, problems });
  }
}
