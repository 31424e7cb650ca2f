import { readFileSync } from 'node:fs';
import type { INestApplication } from '@nestjs/common';
import { ROUTE_ARGS_METADATA } from '@nestjs/common/constants';
import { RouteParamtypes } from '@nestjs/common/enums/route-paramtypes.enum';
import { openApiDocument } from '../common/contract/openapi-document';
import { type Route, appRoutes } from '../common/contract/routes';
import { contractApp } from './contract-app';
import { OPENAPI_FILE, formatDocument } from './export-openapi';

/** Every route is described by the schemas that validate it, and docs/openapi.json is that description. */
describe('the API contract', () => {
  let app: INestApplication;
  let close: () => Promise<void>;
  let routes: Route[];
  beforeAll(async () => {
    ({ app, close } = await contractApp());
    routes = appRoutes(app);
  });
  afterAll(async () => close?.());

  const name = (route: Route) => `${route.method.toUpperCase()} ${route.path} (${route.controller}.${route.handlerName})`;

  it('declares what every route answers', () => {
    expect(routes.length).toBeGreaterThan(80);
    expect(routes.filter((r) => !r.contract?.response).map(name)).toEqual([]);
  });

  it('reads every body, query and path parameter through a schema of the contract', () => {
    const unchecked: string[] = [];
    for (const route of routes) {
      const args = (Reflect.getMetadata(ROUTE_ARGS_METADATA, route.controllerClass, route.handlerName) ?? {}) as Record<string, { index: number; data?: unknown }>;
      for (const [key, arg] of Object.entries(args)) {
        const type = Number(key.split(':')[0]);
        if (![RouteParamtypes.BODY, RouteParamtypes.QUERY, RouteParamtypes.PARAM].includes(type)) continue;
        if (!route.contract?.request.validatedArguments.includes(arg.index))
          unchecked.push(`${name(route)}: argument ${arg.index} (${RouteParamtypes[type]} ${String(arg.data ?? '')})`);
      }
    }
    expect(unchecked).toEqual([]);
  });

  it('is exported to docs/openapi.json (run `npm run openapi` after changing a route)', () => {
    expect(readFileSync(OPENAPI_FILE, 'utf8')).toBe(formatDocument(openApiDocument(app)));
  });

  it('is OpenAPI 3.1 whose references all resolve, with a security requirement and responses on every operation', () => {
    const document = openApiDocument(app);
    expect(document.openapi).toBe('3.1.0');
    const text = JSON.stringify(document);
    const missing = [...text.matchAll(/"\$ref":"#\/components\/schemas\/([^"]+)"/g)].map((m) => m[1]!).filter((ref) => !(ref in document.components.schemas));
    expect(missing).toEqual([]);
    for (const [path, operations] of Object.entries(document.paths)) {
      for (const [method, operation] of Object.entries(operations) as Array<
        [string, { security?: unknown; responses?: object; parameters?: Array<{ in: string; name: string }> }]
      >) {
        expect([`${method} ${path}`, Array.isArray(operation.security)]).toEqual([`${method} ${path}`, true]);
        expect(Object.keys(operation.responses ?? {}).length).toBeGreaterThan(0);
        const pathParams = [...path.matchAll(/\{(\w+)\}/g)].map((m) => m[1]);
        expect([`${method} ${path}`, (operation.parameters ?? []).filter((p) => p.in === 'path').map((p) => p.name)]).toEqual([`${method} ${path}`, pathParams]);
      }
    }
  });
});
