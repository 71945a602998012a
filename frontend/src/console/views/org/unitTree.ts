// The org tree for Element Plus (el-tree, el-tree-select) from the API's flat, path-ordered
// unit list.
import type { OrgUnit } from '../../api/org'

export interface UnitNode {
  id: number
  name: string
  full_name: string
  unit: OrgUnit
  children: UnitNode[]
  /** For pickers: a node that may not be chosen. */
  disabled?: boolean
}

/** Nest units under their parents; a unit whose parent is not visible is a root. */
export function buildTree(units: OrgUnit[]): UnitNode[] {
  const nodes = new Map<number, UnitNode>()
  for (const unit of units) {
    nodes.set(unit.id, { id: unit.id, name: unit.name, full_name: unit.full_name, unit, children: [] })
  }
  const roots: UnitNode[] = []
  for (const unit of units) {
    const node = nodes.get(unit.id)!
    const parent = unit.parent === null ? undefined : nodes.get(unit.parent)
    if (parent) parent.children.push(node)
    else roots.push(node)
  }
  const order = (list: UnitNode[]) => {
    list.sort((a, b) => a.unit.sort_order - b.unit.sort_order || a.id - b.id)
    list.forEach((node) => order(node.children))
  }
  order(roots)
  return roots
}

/** The ids of a unit and everything under it. */
export function subtreeIds(units: OrgUnit[], id: number): Set<number> {
  const ids = new Set([id])
  for (const unit of units) if (unit.parent !== null && ids.has(unit.parent)) ids.add(unit.id)
  return ids // path order lists parents before children
}
