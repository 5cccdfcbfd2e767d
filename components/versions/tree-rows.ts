import type { VersionNode, VersionTree } from '../../lib/versions/tree';

/** A tree row with what ARIA needs: level, and its place among its siblings. */
export interface TreeRow {
  node: VersionNode;
  level: number;
  setSize: number;
  posInSet: number;
  hasChildren: boolean;
}

/** Pre-order nodes → rows (siblings share a parent key; the first level shares none). */
export function treeRows(tree: VersionTree): TreeRow[] {
  const siblings = new Map<string, number>();
  const parentOf = (node: VersionNode) => (node.depth === 0 ? '' : (node.parentKey ?? ''));
  for (const node of tree.nodes) siblings.set(parentOf(node), (siblings.get(parentOf(node)) ?? 0) + 1);
  const seen = new Map<string, number>();
  return tree.nodes.map((node, i) => {
    const parent = parentOf(node);
    const pos = (seen.get(parent) ?? 0) + 1;
    seen.set(parent, pos);
    const next = tree.nodes[i + 1];
    return { node, level: node.depth + 1, setSize: siblings.get(parent)!, posInSet: pos, hasChildren: next !== undefined && next.depth > node.depth };
  });
}
