/**
 * The budget document as a tree the views can walk: amounts per year and
 * measure, shares, changes. Pure functions, no DOM.
 */
import type { BudgetItem, GkBudget } from '@gongkai/core';

export type Measure = 'budget' | 'adjusted' | 'final' | 'basic' | 'project';
type AmountRow = BudgetItem['values'][number];

export interface BudgetNode {
  /** Unique in the tree: the code, or the path when an item has none. */
  id: string;
  code?: string;
  name: string;
  note?: string;
  /** The item's own rows, one a year (a handful: a lookup beats a Map per item). */
  values: AmountRow[];
  children: BudgetNode[];
  parent?: BudgetNode;
  depth: number;
}

/** The tree of one classification, under a virtual root whose amounts are the sums of its top level. */
export function buildTree(items: BudgetItem[], rootName: string): BudgetNode {
  const root: BudgetNode = { id: '', name: rootName, values: [], children: [], depth: 0 };
  const add = (list: BudgetItem[], parent: BudgetNode, prefix: string) => {
    // Plain loops and no spread: this runs for every item before the first paint.
    for (let index = 0; index < list.length; index++) {
      const item = list[index]!;
      const id = item.code ?? `${prefix}${index}`;
      const node: BudgetNode = {
        id,
        name: item.name,
        values: item.values,
        children: [],
        parent,
        depth: parent.depth + 1,
      };
      if (item.code) node.code = item.code;
      if (item.note) node.note = item.note;
      parent.children.push(node);
      if (item.children?.length) add(item.children, node, `${id}.`);
    }
  };
  add(items, root, '#');
  return root;
}

/** A node's row for one year. */
export function rowFor(node: BudgetNode, year: number): AmountRow | undefined {
  for (const row of node.values) if (row.year === year) return row;
  return undefined;
}

/** The measure a stage is about: 决算 → final, 调整预算 → adjusted, 预算 → budget. */
export function stageMeasure(stage: GkBudget['stage']): Measure {
  return stage === '决算' ? 'final' : stage === '调整预算' ? 'adjusted' : 'budget';
}

/** A node's amount; the virtual root (and any item without its own figure) sums its children. */
export function amount(node: BudgetNode, year: number, measure: Measure): number | undefined {
  const own = rowFor(node, year)?.[measure];
  if (own !== undefined) return own;
  if (!node.children.length) return undefined;
  let sum = 0;
  let found = false;
  for (const child of node.children) {
    const value = amount(child, year, measure);
    if (value !== undefined) {
      sum += value;
      found = true;
    }
  }
  return found ? Math.round(sum * 100) / 100 : undefined;
}

/** The budget a final figure is compared with: the adjusted budget when there is one. */
export function plannedAmount(node: BudgetNode, year: number): number | undefined {
  return amount(node, year, 'adjusted') ?? amount(node, year, 'budget');
}

/** The measure each year is best described by (final where known, else adjusted, else budget). */
export function bestAmount(node: BudgetNode, year: number): number | undefined {
  return amount(node, year, 'final') ?? amount(node, year, 'adjusted') ?? amount(node, year, 'budget');
}

export function findNode(root: BudgetNode, id: string): BudgetNode | undefined {
  if (root.id === id) return root;
  for (const child of root.children) {
    const found = findNode(child, id);
    if (found) return found;
  }
  return undefined;
}

/** From the root to `node`, for breadcrumbs. */
export function ancestry(node: BudgetNode): BudgetNode[] {
  const chain: BudgetNode[] = [];
  for (let current: BudgetNode | undefined = node; current; current = current.parent) chain.unshift(current);
  return chain;
}

/** Every node below `root`, depth first (for the official tables). */
export function flatten(root: BudgetNode): BudgetNode[] {
  const out: BudgetNode[] = [];
  const walk = (node: BudgetNode) => {
    for (const child of node.children) {
      out.push(child);
      walk(child);
    }
  };
  walk(root);
  return out;
}

/** The previous declared year, if the document has it. */
export function previousYear(doc: GkBudget, year: number): number | undefined {
  const earlier = doc.years.filter((y) => y < year);
  return earlier.length ? Math.max(...earlier) : undefined;
}

export function sortedYears(doc: GkBudget): number[] {
  return [...new Set(doc.years)].sort((a, b) => a - b);
}
