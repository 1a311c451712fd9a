/**
 * The numbered points of a circular as a tree the user edits: add, remove,
 * move up/down, indent under the previous point, outdent. A point is found
 * by its path of indexes (`[1, 0]` is point 2.a.). Every function returns a
 * new tree and leaves its input alone.
 */
import type { Point } from './types';

export type Path = number[];

/** The deepest nesting the document allows (`1.` `a.` `1)` `a)` `(1)`). */
export const MAX_DEPTH = 5;

/** `1.`, `a.`, `1)`, `a)`, `(1)` — the same labels the PDF prints. */
export function label(depth: number, index: number): string {
  const letter = index < 26 ? String.fromCharCode(97 + index) : String(index + 1);
  switch (depth) {
    case 0:
      return `${index + 1}.`;
    case 1:
      return `${letter}.`;
    case 2:
      return `${index + 1})`;
    case 3:
      return `${letter})`;
    default:
      return `(${index + 1})`;
  }
}

/** The labels of `list` at `depth`: numbered points count, plain paragraphs get none. */
export function labels(list: Point[], depth: number): (string | null)[] {
  let n = 0;
  return list.map((p) => (p.unnumbered ? null : label(depth, n++)));
}

/** A plain deep copy (works on Svelte state proxies too). */
function clone(points: Point[]): Point[] {
  return JSON.parse(JSON.stringify(points)) as Point[];
}

/** The list that holds the point at `path`, and its index there. */
function locate(points: Point[], path: Path): [Point[], number] {
  let list = points;
  for (const i of path.slice(0, -1)) list = list[i].children;
  return [list, path[path.length - 1]];
}

export const blank = (): Point => ({ text: '', children: [] });

/** A new empty point after the one at `path` (or at the end when `path` is empty). */
export function addAfter(points: Point[], path: Path): Point[] {
  const next = clone(points);
  if (path.length === 0) {
    next.push(blank());
    return next;
  }
  const [list, i] = locate(next, path);
  list.splice(i + 1, 0, blank());
  return next;
}

/** A new empty sub-point at the end of the point at `path`. */
export function addChild(points: Point[], path: Path): Point[] {
  const next = clone(points);
  if (path.length >= MAX_DEPTH) return next;
  const [list, i] = locate(next, path);
  list[i].children.push(blank());
  return next;
}

export function remove(points: Point[], path: Path): Point[] {
  const next = clone(points);
  const [list, i] = locate(next, path);
  list.splice(i, 1);
  return next;
}

/** The point at `path`. */
export const at = (points: Point[], path: Path): Point => {
  const [list, i] = locate(points, path);
  return list[i];
};

/** Puts `point` back at `path` (a removed point brought back); where that
 * place is gone, into the nearest list that is still there. */
export function insert(points: Point[], path: Path, point: Point): Point[] {
  const next = clone(points);
  let list = next;
  for (const i of path.slice(0, -1)) {
    if (!list[i]) break;
    list = list[i].children;
  }
  list.splice(Math.min(path[path.length - 1], list.length), 0, ...clone([point]));
  return next;
}

/** Swaps the point with its previous (`-1`) or next (`+1`) sibling. */
export function move(points: Point[], path: Path, by: -1 | 1): Point[] {
  const next = clone(points);
  const [list, i] = locate(next, path);
  const j = i + by;
  if (j < 0 || j >= list.length) return next;
  [list[i], list[j]] = [list[j], list[i]];
  return next;
}

/** Makes the point the last sub-point of its previous sibling. */
export function indent(points: Point[], path: Path): Point[] {
  const next = clone(points);
  const [list, i] = locate(next, path);
  if (i === 0 || path.length >= MAX_DEPTH) return next;
  const [point] = list.splice(i, 1);
  list[i - 1].children.push(point);
  return next;
}

/** Moves the point out of its parent, right after it. */
export function outdent(points: Point[], path: Path): Point[] {
  if (path.length < 2) return clone(points);
  const next = clone(points);
  const [list, i] = locate(next, path);
  const [point] = list.splice(i, 1);
  const [parentList, p] = locate(next, path.slice(0, -1));
  parentList.splice(p + 1, 0, point);
  return next;
}

/** The user's own text: the point no longer follows the template. */
export function setText(points: Point[], path: Path, text: string): Point[] {
  const next = clone(points);
  const [list, i] = locate(next, path);
  const { children, unnumbered } = list[i];
  list[i] = unnumbered ? { text, children, unnumbered } : { text, children };
  return next;
}

/** Makes the point at `path` a plain paragraph, or numbered again. */
export function toggleNumbered(points: Point[], path: Path): Point[] {
  const next = clone(points);
  const [list, i] = locate(next, path);
  if (list[i].unnumbered) delete list[i].unnumbered;
  else list[i].unnumbered = true;
  return next;
}
