import type { INestApplication } from '@nestjs/common';
import { METHOD_METADATA, PATH_METADATA } from '@nestjs/common/constants';
import { RequestMethod } from '@nestjs/common';
import { ModulesContainer } from '@nestjs/core';
import type { UserRole } from '@dunning/domain';
import { PUBLIC_ROUTE, REQUIRED_ROLES } from '../auth.decorators';
import { type RouteContract, contractOf } from './route-contract';

/** One HTTP route of the app, as Nest serves it, with its contract if it has one. */
export interface Route {
  method: 'get' | 'post' | 'put' | 'patch' | 'delete';
  /** OpenAPI style: /api/invoices/{id}/payments */
  path: string;
  controller: string;
  handlerName: string;
  // eslint-disable-next-line @typescript-eslint/no-unsafe-function-type -- a controller method
  handler: Function;
  controllerClass: new (...args: never[]) => unknown;
  isPublic: boolean;
  /** Empty: any signed-in caller (agency keys included). Admins pass everywhere. */
  roles: UserRole[];
  contract?: RouteContract;
}

const METHODS: Partial<Record<RequestMethod, Route['method']>> = {
  [RequestMethod.GET]: 'get',
  [RequestMethod.POST]: 'post',
  [RequestMethod.PUT]: 'put',
  [RequestMethod.PATCH]: 'patch',
  [RequestMethod.DELETE]: 'delete',
};

/** Every route of every controller the app registered, in a stable order. */
export function appRoutes(app: INestApplication): Route[] {
  const routes: Route[] = [];
  const seen = new Set<unknown>();
  for (const module of app.get(ModulesContainer).values()) {
    for (const wrapper of module.controllers.values()) {
      const controllerClass = wrapper.metatype as Route['controllerClass'] | null;
      if (!controllerClass || seen.has(controllerClass)) continue;
      seen.add(controllerClass);
      const base = firstPath(Reflect.getMetadata(PATH_METADATA, controllerClass));
      for (const name of Object.getOwnPropertyNames(controllerClass.prototype)) {
        if (name === 'constructor') continue;
        const handler = (controllerClass.prototype as Record<string, unknown>)[name];
        if (typeof handler !== 'function') continue;
        const method = METHODS[Reflect.getMetadata(METHOD_METADATA, handler) as RequestMethod];
        if (!method) continue;
        const path = `/${[base, firstPath(Reflect.getMetadata(PATH_METADATA, handler))].filter(Boolean).join('/')}`.replace(/\/+/g, '/').replace(/\/$/, '') || '/';
        routes.push({
          method,
          path: path.replace(/:(\w+)/g, '{$1}'),
          controller: controllerClass.name,
          handlerName: name,
          handler,
          controllerClass,
          isPublic: Boolean(Reflect.getMetadata(PUBLIC_ROUTE, handler) ?? Reflect.getMetadata(PUBLIC_ROUTE, controllerClass)),
          roles: (Reflect.getMetadata(REQUIRED_ROLES, handler) ?? Reflect.getMetadata(REQUIRED_ROLES, controllerClass) ?? []) as UserRole[],
          contract: contractOf(handler),
        });
      }
    }
  }
  return routes.sort((a, b) => a.path.localeCompare(b.path) || a.method.localeCompare(b.method));
}

function firstPath(value: unknown): string {
  const path = Array.isArray(value) ? value[0] : value;
  return typeof path === 'string' ? path.replace(/^\/|\/$/g, '') : '';
}
