import { Injectable } from '@nestjs/common';
import { FlowsRepository, StepRecoveryRepository } from '@dunning/db';

/** Recovery within N days after each step of each flow version, each step named by its kind in that version. */
@Injectable()
export class StepRecoveryService {
  constructor(
    private readonly steps: StepRecoveryRepository,
    private readonly flows: FlowsRepository,
  ) {}

  async report(days: number, flowId?: string) {
    const rows = await this.steps.byStepAndVersion({ days, flowId });
    const kinds = new Map<string, Map<string, string>>();
    for (const { flowId: id, flowVersion } of rows) {
      const key = `${id}:${flowVersion}`;
      if (kinds.has(key)) continue;
      const graph = (await this.flows.version(id, flowVersion))?.graph as { nodes?: Array<{ id: string; kind: string }> } | undefined;
      kinds.set(key, new Map((graph?.nodes ?? []).map((node) => [node.id, node.kind])));
    }
    return {
      days,
      rows: rows.map((row) => ({
        ...row,
        kind: kinds.get(`${row.flowId}:${row.flowVersion}`)?.get(row.nodeId) ?? null,
        recoveryRate: row.outstanding > 0 ? row.recovered / row.outstanding : null,
      })),
    };
  }
}
