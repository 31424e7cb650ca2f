import type { UnaryHandler } from '../grpc/grpc-service';
import type { ServerParts } from '../server/server-parts';

const SERVER_VERSION = '1.29.0-temporal-lite';

/** GetSystemInfo and GetClusterInfo: the version and capabilities the SDK checks on connect. */
export function systemInfoHandlers(server: ServerParts): Record<string, UnaryHandler> {
  return {
    GetSystemInfo: () => ({
      serverVersion: SERVER_VERSION,
      capabilities: {
        signalAndQueryHeader: true,
        internalErrorDifferentiation: true,
        activityFailureIncludeHeartbeat: true,
        supportsSchedules: true,
        encodedFailureAttributes: true,
        buildIdBasedVersioning: false,
        upsertMemo: true,
        eagerWorkflowStart: true,
        sdkMetadata: true,
        countGroupByExecutionStatus: true,
        nexus: false,
      },
    }),

    GetClusterInfo: () => ({
      supportedClients: {},
      serverVersion: SERVER_VERSION,
      clusterId: 'temporal-lite',
      clusterName: 'active',
      historyShardCount: 1,
      persistenceStore: server.options.dbFilename ? 'journal' : 'memory',
      visibilityStore: 'memory',
    }),
  };
}
