import { type CallHandler, type ExecutionContext, Injectable, InternalServerErrorException, Logger, type NestInterceptor } from '@nestjs/common';
import { Ajv2020, type ValidateFunction } from 'ajv/dist/2020';
import addFormats from 'ajv-formats';
import { map } from 'rxjs';
import { z, type ZodType } from 'zod';
import { contractOf } from './route-contract';

/**
 * Checks every JSON answer against the schema its route publishes, as a client would read it: the
 * JSON on the wire, against the OpenAPI document's JSON schema (unexpected fields included, since
 * response objects are closed). On when CHECK_RESPONSES=true (every test harness); a mismatch then
 * answers 500 naming the route and the field, so no test passes on a response the document does not
 * describe.
 */
@Injectable()
export class ResponseCheckInterceptor implements NestInterceptor {
  private readonly logger = new Logger('ResponseCheck');
  private readonly ajv = addFormats(new Ajv2020({ allErrors: true, strict: false }));
  private readonly validators = new WeakMap<ZodType, ValidateFunction>();

  intercept(context: ExecutionContext, next: CallHandler) {
    const schema = contractOf(context.getHandler())?.response?.schema;
    if (!schema || context.getType() !== 'http') return next.handle();
    return next.handle().pipe(
      map((body: unknown) => {
        const validate = this.validatorFor(schema);
        const wire: unknown = body === undefined ? undefined : JSON.parse(JSON.stringify(body));
        if (validate(wire)) return body;
        const request = context.switchToHttp().getRequest<{ method: string; route?: { path?: string } }>();
        const where = `${request.method} ${request.route?.path ?? '?'}`;
        const problems = (validate.errors ?? [])
          .slice(0, 10)
          .map((e) => `${e.instancePath || '(body)'} ${e.message}${e.params && 'additionalProperty' in e.params ? ` "${String(e.params.additionalProperty)}"` : ''}`);
        this.logger.error(`${where}: the response does not match its schema: ${problems.join('; ')}`);
        throw new InternalServerErrorException(`${where}: the response does not match its published schema: ${problems.join('; ')}`);
      }),
    );
  }

  private validatorFor(schema: ZodType): ValidateFunction {
    let validate = this.validators.get(schema);
    if (!validate) {
      const json = z.toJSONSchema(schema, { target: 'draft-2020-12', io: 'output', unrepresentable: 'any' }) as Record<string, unknown>;
      delete json.$schema;
      validate = this.ajv.compile(json);
      this.validators.set(schema, validate);
    }
    return validate;
  }
}
