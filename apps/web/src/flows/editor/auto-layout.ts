import dagre from '@dagrejs/dagre';
import type { Flow, FlowNode } from '@dunning/flow';
import { edgeLabelLayout } from './edge-labels';
import { cardSize, outcomeHandles } from './node-kinds';

export interface Size {
  width: number;
  height: number;
}

/** The editor's canvas at 1440×900 once the palette and the side panel are drawn. */
export const CANVAS_VIEWPORT: Size = { width: 1000, height: 780 };
/**
 * The canvas fits the flow in view with these margins (React Flow's fitView padding, px): the left
 * one keeps the zoom buttons (bottom left) off the cards.
 */
export const FIT_MARGINS = { top: 24, right: 12, bottom: 12, left: 44 };
export const FIT_VIEW_OPTIONS = {
  maxZoom: 1,
  padding: { top: `${FIT_MARGINS.top}px`, right: `${FIT_MARGINS.right}px`, bottom: `${FIT_MARGINS.bottom}px`, left: `${FIT_MARGINS.left}px` },
} as const;
const NODE_SEP = 36;
const RANK_SEP = 44;
const GUTTER = 84;
const MAX_COLUMNS = 8;

interface Box {
  id: string;
  x: number;
  y: number;
  width: number;
  height: number;
}

/**
 * Lays the flow out in two dimensions. Dagre (the layered graph layout) ranks the steps top to
 * bottom, each card's box holding the edge labels that enter it; a long flow is then cut between
 * ranks into side-by-side columns (read like a newspaper), as many as make it largest on a canvas
 * of `viewport`. Sizes are the cards' measured ones when the canvas has them (`sizeOf`), else as
 * StepCard draws them.
 */
export function autoLayout(flow: Flow, options: { sizeOf?: (node: FlowNode) => Size | undefined; viewport?: Size } = {}): Flow {
  if (flow.nodes.length === 0) return flow;
  const { zone } = edgeLabelLayout(flow);
  const graph = new dagre.graphlib.Graph();
  graph.setGraph({ rankdir: 'TB', nodesep: NODE_SEP, ranksep: RANK_SEP, ranker: 'network-simplex' });
  graph.setDefaultEdgeLabel(() => ({}));
  for (const node of flow.nodes) {
    const card = options.sizeOf?.(node) ?? cardSize(node);
    graph.setNode(node.id, { width: card.width, height: card.height + (zone.get(node.id) ?? 0) });
  }
  // The plain `next` path weighs more, so the main ladder runs straight.
  for (const edge of flow.edges) {
    if (!graph.hasNode(edge.source) || !graph.hasNode(edge.target) || edge.source === edge.target) continue;
    const weight = !edge.outcome || edge.outcome === 'next' ? 4 : 1;
    const existing = graph.edge(edge.source, edge.target) as { weight?: number } | undefined;
    graph.setEdge(edge.source, edge.target, { weight: Math.max(weight, existing?.weight ?? 0) });
  }
  dagre.layout(graph);
  const boxes: Box[] = flow.nodes.map((node) => {
    const { x, y, width, height } = graph.node(node.id);
    return { id: node.id, x: x - width / 2, y: y - height / 2, width, height };
  });
  orderOutcomes(flow, boxes);
  const folded = fold(boxes, options.viewport ?? CANVAS_VIEWPORT);
  return {
    ...flow,
    nodes: flow.nodes.map((node) => {
      const box = folded.get(node.id)!;
      return { ...node, position: { x: Math.round(box.x), y: Math.round(box.y + (zone.get(node.id) ?? 0)) } };
    }),
  };
}

const overlap = (a: Box, b: Box) => a.x < b.x + b.width && b.x < a.x + a.width && a.y < b.y + b.height && b.y < a.y + a.height;

/**
 * Dagre orders the steps of a rank to cross few edges, but knows nothing of the handles: a branch's
 * "Amount < 100 €" (its left handle) could lead to the right-hand step and cross "Otherwise". Where
 * a step's outcomes lead to steps of their own (each with what follows only from it), those
 * subtrees are put back left to right in the handles' order, when that moves them onto nothing.
 */
function orderOutcomes(flow: Flow, boxes: Box[]): void {
  const byId = new Map(boxes.map((b) => [b.id, b]));
  const sources = new Map<string, Set<string>>();
  for (const edge of flow.edges) sources.set(edge.target, (sources.get(edge.target) ?? new Set()).add(edge.source));
  for (const node of flow.nodes) {
    const handles = outcomeHandles(node);
    if (handles.length < 2) continue;
    const children: string[] = [];
    for (const handle of handles) {
      const edge = flow.edges.find((e) => e.source === node.id && (e.outcome ?? 'next') === handle);
      if (edge && edge.target !== node.id && !children.includes(edge.target) && byId.has(edge.target)) children.push(edge.target);
    }
    if (children.length < 2 || children.some((c) => sources.get(c)?.size !== 1)) continue;
    const trees = children.map((child) => subtree(flow, child, sources).map((id) => byId.get(id)!));
    const span = (tree: Box[]) => ({ left: Math.min(...tree.map((b) => b.x)), right: Math.max(...tree.map((b) => b.x + b.width)) });
    const spans = trees.map(span);
    const inOrder = spans.every((s, i) => i === 0 || s.left >= spans[i - 1]!.right);
    const disjoint = spans.every((s, i) => spans.every((o, j) => i === j || s.right <= o.left || o.right <= s.left));
    if (inOrder || !disjoint) continue;
    const moved = new Set(trees.flat());
    const before = trees.map((tree) => tree.map((b) => b.x));
    let cursor = Math.min(...spans.map((s) => s.left));
    trees.forEach((tree, i) => {
      const shift = cursor - spans[i]!.left;
      for (const box of tree) box.x += shift;
      cursor += spans[i]!.right - spans[i]!.left + NODE_SEP;
    });
    const clash = [...moved].some((box) => boxes.some((other) => !moved.has(other) && overlap(box, other)));
    if (clash) trees.forEach((tree, i) => tree.forEach((box, j) => (box.x = before[i]![j]!)));
  }
}

/** A step and the steps reached only through it (every one of their sources already inside). */
function subtree(flow: Flow, root: string, sources: Map<string, Set<string>>): string[] {
  const inside = new Set([root]);
  for (let grown = true; grown;) {
    grown = false;
    for (const edge of flow.edges) {
      if (!inside.has(edge.source) || inside.has(edge.target)) continue;
      if ([...(sources.get(edge.target) ?? [])].every((s) => inside.has(s))) {
        inside.add(edge.target);
        grown = true;
      }
    }
  }
  return [...inside];
}

/** The ranks as horizontal bands: boxes whose heights overlap share a band; columns are cut between bands. */
function bandsOf(boxes: Box[]): Array<{ top: number; bottom: number; boxes: Box[] }> {
  const bands: Array<{ top: number; bottom: number; boxes: Box[] }> = [];
  for (const box of [...boxes].sort((a, b) => a.y - b.y)) {
    const last = bands[bands.length - 1];
    if (last && box.y < last.bottom) {
      last.bottom = Math.max(last.bottom, box.y + box.height);
      last.boxes.push(box);
    } else bands.push({ top: box.y, bottom: box.y + box.height, boxes: [box] });
  }
  return bands;
}

/** Cuts the bands into columns no taller than `limit` (each column at least one band). */
function pack<T extends { top: number; bottom: number }>(bands: T[], limit: number): T[][] {
  const columns: T[][] = [];
  for (const band of bands) {
    const column = columns[columns.length - 1];
    if (column && band.bottom - column[0]!.top <= limit) column.push(band);
    else columns.push([band]);
  }
  return columns;
}

/** The zoom at which a box of `size` fits the viewport, not above 1 (a small flow is not blown up). */
export function fitZoom(size: Size, viewport: Size): number {
  const { top, right, bottom, left } = FIT_MARGINS;
  return Math.min(1, (viewport.width - left - right) / size.width, (viewport.height - top - bottom) / size.height);
}

function fold(boxes: Box[], viewport: Size): Map<string, Box> {
  const bands = bandsOf(boxes);
  const heights = [...new Set(bands.flatMap((a, i) => bands.slice(i).map((b) => b.bottom - a.top)))].sort((a, b) => a - b);
  let best: { zoom: number; columns: (typeof bands)[] } | undefined;
  for (let count = 1; count <= Math.min(MAX_COLUMNS, bands.length); count++) {
    // The least column height that cuts the bands into `count` columns or fewer.
    let lo = 0;
    let hi = heights.length - 1;
    while (lo < hi) {
      const mid = (lo + hi) >> 1;
      if (pack(bands, heights[mid]!).length <= count) hi = mid;
      else lo = mid + 1;
    }
    const columns = pack(bands, heights[lo]!);
    const zoom = fitZoom(measure(columns), viewport);
    if (!best || zoom > best.zoom + 1e-6) best = { zoom, columns };
  }
  const placed = new Map<string, Box>();
  let left = 0;
  for (const column of best!.columns) {
    const inColumn = column.flatMap((band) => band.boxes);
    const minX = Math.min(...inColumn.map((b) => b.x));
    const maxX = Math.max(...inColumn.map((b) => b.x + b.width));
    const top = column[0]!.top;
    for (const box of inColumn) placed.set(box.id, { ...box, x: box.x - minX + left, y: box.y - top });
    left += maxX - minX + GUTTER;
  }
  return placed;
}

function measure(columns: Array<Array<{ top: number; bottom: number; boxes: Box[] }>>): Size {
  let width = -GUTTER;
  let height = 0;
  for (const column of columns) {
    const inColumn = column.flatMap((band) => band.boxes);
    width += Math.max(...inColumn.map((b) => b.x + b.width)) - Math.min(...inColumn.map((b) => b.x)) + GUTTER;
    height = Math.max(height, column[column.length - 1]!.bottom - column[0]!.top);
  }
  return { width, height };
}
