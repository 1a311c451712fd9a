import type { Unit } from './types';

export interface UnitNode {
  unit: Unit;
  depth: number;
}

/** Units in tree order (each parent followed by its sub-units), with depth. */
export function unitTree(units: Unit[]): UnitNode[] {
  const ids = new Set(units.map((u) => u.id));
  const children = new Map<number | null, Unit[]>();
  for (const u of units) {
    const parent = u.parent_id != null && ids.has(u.parent_id) ? u.parent_id : null;
    children.set(parent, [...(children.get(parent) ?? []), u]);
  }
  const out: UnitNode[] = [];
  const walk = (parent: number | null, depth: number) => {
    for (const u of (children.get(parent) ?? []).sort((a, b) => a.name.localeCompare(b.name, 'id'))) {
      out.push({ unit: u, depth });
      walk(u.id, depth + 1);
    }
  };
  walk(null, 0);
  return out;
}

/** The ids of a unit and everything below it (cannot be its parent). */
export function selfAndDescendants(units: Unit[], id: number): Set<number> {
  const out = new Set([id]);
  let grew = true;
  while (grew) {
    grew = false;
    for (const u of units) {
      if (u.parent_id != null && out.has(u.parent_id) && !out.has(u.id)) {
        out.add(u.id);
        grew = true;
      }
    }
  }
  return out;
}
