import type { Flow } from '@dunning/flow';

export interface DiffLine {
  kind: 'added' | 'removed' | 'changed';
  text: string;
}

/** What changed between two versions, step by step and edge by edge (positions ignored). */
export function diffFlows(before: Flow, after: Flow): DiffLine[] {
  const lines: DiffLine[] = [];
  const describe = (n: Flow['nodes'][number]) => `${n.id} (${n.kind}) ${JSON.stringify(n.data)}`;
  const beforeNodes = new Map(before.nodes.map((n) => [n.id, n]));
  const afterNodes = new Map(after.nodes.map((n) => [n.id, n]));
  for (const [id, node] of beforeNodes) if (!afterNodes.has(id)) lines.push({ kind: 'removed', text: `− ${describe(node)}` });
  for (const [id, node] of afterNodes) {
    const old = beforeNodes.get(id);
    if (!old) lines.push({ kind: 'added', text: `+ ${describe(node)}` });
    else if (JSON.stringify(old.data) !== JSON.stringify(node.data) || old.label !== node.label)
      lines.push({ kind: 'changed', text: `~ ${id}: ${JSON.stringify(old.data)} → ${JSON.stringify(node.data)}` });
  }
  const edge = (e: Flow['edges'][number]) => `${e.source} —${e.outcome ?? ''}→ ${e.target}`;
  const beforeEdges = new Set(before.edges.map(edge));
  const afterEdges = new Set(after.edges.map(edge));
  for (const e of beforeEdges) if (!afterEdges.has(e)) lines.push({ kind: 'removed', text: `− ${e}` });
  for (const e of afterEdges) if (!beforeEdges.has(e)) lines.push({ kind: 'added', text: `+ ${e}` });
  return lines;
}
