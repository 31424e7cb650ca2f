import { Body, HttpCode, Param, Query } from '@nestjs/common';
import type { ZodType } from 'zod';
import { uuid } from '@dunning/api-contract';
import { ZodPipe } from '../zod-body.pipe';
import { type RouteContract, updateContract } from './route-contract';

/* The only way a controller reads its input: each decorator validates with its zod schema and records it in the route's contract. */

const handlerOf = (target: object, key: string | symbol | undefined) => (target as Record<string | symbol, () => unknown>)[key!]!;

/** The request body, validated. `contentType`: multipart/form-data for uploads (with their file fields), or form-urlencoded for providers' callbacks. */
export function ValidBody<T>(schema: ZodType<T>, options: { contentType?: string; files?: string[] } = {}): ParameterDecorator {
  return (target, key, index) => {
    updateContract(handlerOf(target, key), (contract) => {
      contract.request.body = { schema, contentType: options.contentType ?? 'application/json', files: options.files ?? [] };
      contract.request.validatedArguments.push(index);
    });
    Body(new ZodPipe(schema))(target, key, index);
  };
}

/** The query string, validated as one object. */
export function ValidQuery<T>(schema: ZodType<T>): ParameterDecorator {
  return (target, key, index) => {
    updateContract(handlerOf(target, key), (contract) => {
      contract.request.query = schema;
      contract.request.validatedArguments.push(index);
    });
    Query(new ZodPipe(schema))(target, key, index);
  };
}

/** One path parameter, validated. */
export function ValidParam<T>(name: string, schema: ZodType<T>): ParameterDecorator {
  return (target, key, index) => {
    updateContract(handlerOf(target, key), (contract) => {
      contract.request.params[name] = schema;
      contract.request.validatedArguments.push(index);
    });
    Param(name, new ZodPipe(schema, name))(target, key, index);
  };
}

/** The `:id` path parameter, a UUID. */
export const IdParam = (name = 'id') => ValidParam(name, uuid);

interface ReturnsOptions {
  /** The success status (also applied as @HttpCode); by default 201 for POST, 200 otherwise. */
  status?: number;
  /** Statuses this route may answer besides the ones every route may. */
  errors?: number[];
  summary?: string;
  description?: string;
  security?: RouteContract['security'];
}

function returns(schema: ZodType | null, contentType: string, options: ReturnsOptions): MethodDecorator {
  return (target, key, descriptor) => {
    updateContract(descriptor.value as () => unknown, (contract) => {
      contract.response = { status: options.status, schema, contentType };
      contract.errors = options.errors ?? [];
      contract.summary = options.summary;
      contract.description = options.description;
      contract.security = options.security;
    });
    if (options.status) HttpCode(options.status)(target, key, descriptor);
  };
}

/** The route's JSON answer (checked against `schema` when CHECK_RESPONSES is on), or `null` for none (204). */
export function Returns(schema: ZodType | null, options: ReturnsOptions = {}): MethodDecorator {
  return returns(schema, schema ? 'application/json' : '', options);
}

/** The route answers a file (a CSV, a PDF, a zip): its content type, or the list of those it may be. */
Returns.file = (contentType: string | string[], options: ReturnsOptions = {}): MethodDecorator => returns(null, [contentType].flat().join(', '), options);
