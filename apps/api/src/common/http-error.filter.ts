import { type ArgumentsHost, Catch, type ExceptionFilter, HttpException, HttpStatus, Logger } from '@nestjs/common';
import type { Response } from 'express';
import { ReceivableNotFound, ReceivableRefusal } from '@dunning/receivables';

/**
 * Every error as JSON with a status that means something (400/401/403/404/409/422…); unexpected
 * ones are logged here and answered 500 without any stack trace.
 */
@Catch()
export class HttpErrorFilter implements ExceptionFilter {
  private readonly logger = new Logger('HTTP');

  catch(exception: unknown, host: ArgumentsHost): void {
    const response = host.switchToHttp().getResponse<Response>();
    if (exception instanceof HttpException) {
      const status = exception.getStatus();
      const body = exception.getResponse();
      const payload = typeof body === 'string' ? { message: body } : (body as Record<string, unknown>);
      response.status(status).json({ statusCode: status, ...payload });
      return;
    }
    // The books refused an event: the state forbids it (409) or the input is wrong (422), naming the field.
    if (exception instanceof ReceivableRefusal) {
      const status = exception.code === 'conflict' ? HttpStatus.CONFLICT : HttpStatus.UNPROCESSABLE_ENTITY;
      response
        .status(status)
        .json({ statusCode: status, message: exception.message, problems: [{ field: exception.field, message: exception.message.slice(exception.field.length + 2) }] });
      return;
    }
    if (exception instanceof ReceivableNotFound) {
      response.status(HttpStatus.NOT_FOUND).json({ statusCode: 404, message: exception.message });
      return;
    }
    const constraint = (exception as { cause?: { code?: string; constraint?: string } })?.cause;
    if (constraint?.code === '23505') {
      response.status(HttpStatus.CONFLICT).json({ statusCode: 409, message: `already exists (${constraint.constraint ?? 'unique'})` });
      return;
    }
    this.logger.error(exception instanceof Error ? (exception.stack ?? exception.message) : String(exception));
    response.status(HttpStatus.INTERNAL_SERVER_ERROR).json({ statusCode: 500, message: 'internal error' });
  }
}
