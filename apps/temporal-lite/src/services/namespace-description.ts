import { NamespaceState } from '../proto/temporal-proto';
import { msToDuration } from '../proto/time';
import type { NamespaceInfo } from '../engine/namespaces';

/** A namespace as DescribeNamespace, ListNamespaces and UpdateNamespace answer it. */
export function describeNamespace(info: NamespaceInfo) {
  return {
    namespaceInfo: {
      name: info.name,
      state: NamespaceState.NAMESPACE_STATE_REGISTERED,
      description: info.description,
      id: info.id,
      capabilities: { syncUpdate: true, asyncUpdate: true },
      supportsSchedules: true,
    },
    config: { workflowExecutionRetentionTtl: msToDuration(info.retentionDays * 86_400_000) },
    replicationConfig: { activeClusterName: 'active', clusters: [{ clusterName: 'active' }] },
    isGlobalNamespace: false,
  };
}
