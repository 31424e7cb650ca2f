import dagre from '@dagrejs/dagre';
import type { Flow } from '@dunning/flow';

const CARD = { width: 230, height: 96 };

/** Lays the flow out top to bottom (dagre, the layered graph layout): ranks follow the edges. */
export function autoLayout(flow: Flow): Flow {
  const graph = new dagre.graphlib.Graph();
  graph.setGraph({ rankdir: 'TB', nodesep: 40, ranksep: 70 });
  graph.setDefaultEdgeLabel(() => ({}));
  for (const node of flow.nodes) graph.setNode(node.id, { ...CARD });
  for (const edge of flow.edges) if (graph.hasNode(edge.source) && graph.hasNode(edge.target)) graph.setEdge(edge.source, edge.target);
  dagre.layout(graph);
  return {
    ...flow,
    nodes: flow.nodes.map((node) => {
      const { x, y } = graph.node(node.id);
      return { ...node, position: { x: Math.round(x - CARD.width / 2), y: Math.round(y - CARD.height / 2) } };
    }),
  };
}
