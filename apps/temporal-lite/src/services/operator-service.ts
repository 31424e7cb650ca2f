import { requireField } from '../grpc/rpc-error';
import type { UnaryHandler } from '../grpc/grpc-service';
import { SYSTEM_SEARCH_ATTRIBUTES } from '../engine/search-attributes';
import type { ServerParts } from '../server/server-parts';

/** The part of the OperatorService a single node needs: custom search attributes. */
export function operatorServiceHandlers(server: ServerParts): Record<string, UnaryHandler> {
  const { engine } = server;
  return {
    AddSearchAttributes: async (request: { namespace?: string | null; searchAttributes?: Record<string, number> | null }) => {
      for (const [name, type] of Object.entries(request.searchAttributes ?? {})) engine.searchAttributes.register(name, type);
      engine.configChanged();
      await engine.commit();
      return {};
    },
    RemoveSearchAttributes: async (request: { searchAttributes?: string[] | null }) => {
      for (const name of request.searchAttributes ?? []) engine.searchAttributes.remove(requireField(name, 'SearchAttributes'));
      engine.configChanged();
      await engine.commit();
      return {};
    },
    ListSearchAttributes: () => ({
      customAttributes: engine.searchAttributes.customAttributes(),
      systemAttributes: SYSTEM_SEARCH_ATTRIBUTES,
      storageSchema: {},
    }),
  };
}
