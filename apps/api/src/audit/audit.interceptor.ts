import { type CallHandler, type ExecutionContext, HttpStatus, Injectable, type NestInterceptor } from '@nestjs/common';
import { HTTP_CODE_METADATA } from '@nestjs/common/constants';
import { Reflector } from '@nestjs/core';
import type { Request, Response } from 'express';
import { type Observable, concatMap } from 'rxjs';
import type { Principal } from '../common/auth.decorators';
import { AuditService } from './audit.service';
import { redactForAudit } from './redact';

const STATE_CHANGES = new Set(['POST', 'PUT', 'PATCH', 'DELETE']);

type AuditedRequest = Request & { principal?: Principal; file?: { originalname: string; size: number } };

/**
 * Every state change an identified caller makes through the API lands in the audit log once it
 * succeeded, before the caller hears of it: who (user or agency key), what (route, ids, body
 * without secrets), when, from where. Sign-ins are recorded by the auth controller.
 */
@Injectable()
export class AuditInterceptor implements NestInterceptor {
  constructor(
    private readonly audit: AuditService,
    private readonly reflector: Reflector,
  ) {}

  intercept(context: ExecutionContext, next: CallHandler): Observable<unknown> {
    const request = context.switchToHttp().getRequest<AuditedRequest>();
    if (!STATE_CHANGES.has(request.method) || !request.principal) return next.handle();
    return next.handle().pipe(
      concatMap(async (value: unknown) => {
        const response = context.switchToHttp().getResponse<Response>();
        // @HttpCode is applied after interceptors run; a handler that wrote the response itself has its status.
        const declared = this.reflector.get<number | undefined>(HTTP_CODE_METADATA, context.getHandler());
        const status = response.headersSent ? response.statusCode : (declared ?? (request.method === 'POST' ? HttpStatus.CREATED : HttpStatus.OK));
        await this.record(request, status);
        return value;
      }),
    );
  }

  private async record(request: AuditedRequest, status: number): Promise<void> {
    const principal = request.principal!;
    const file = request.file;
    await this.audit.record({
      actorUserId: principal.userId ?? null,
      actorAgencyId: principal.agencyId ?? null,
      actorRole: principal.role,
      actorEmail: principal.email ?? null,
      method: request.method,
      route: `${request.method} ${(request.route as { path?: string } | undefined)?.path ?? request.path}`,
      params: { ...(request.params as Record<string, string>) },
      body: redactForAudit(file ? { ...(request.body as object), file: { name: file.originalname, bytes: file.size } } : request.body),
      status,
      address: request.ip ?? null,
    });
  }
}
