/**
 * Draws a preview page: the core writes its SVG one drawn element per line
 * (the first line the sheet itself), so after an edit only the lines that
 * changed are parsed and laid out again; the other elements stay as they are.
 * The SVG comes from the core's layout engine, which escapes every text.
 */
const SVG = 'http://www.w3.org/2000/svg';

/** A text line's height (`y`), the only thing that changes when a line moves down or up. */
const HEIGHT = /^<text y="([^"]*)"/;
const withoutHeight = (line: string) => line.replace(HEIGHT, '<text');

/** The line each drawn element was made from. */
const sources = new WeakMap<Element, string>();

function drawWhole(host: HTMLElement, svg: string, lines: string[]) {
  host.innerHTML = svg;
  const elements = Array.from(host.firstElementChild?.children ?? []).slice(1);
  elements.forEach((element, i) => sources.set(element, lines[i + 1]));
  sources.set(host, lines[0]);
}

function made(line: string): Element {
  const box = document.createElementNS(SVG, 'svg');
  box.innerHTML = line;
  const element = box.firstElementChild!;
  sources.set(element, line);
  return element;
}

function draw(host: HTMLElement, svg: string) {
  const lines = svg.split('\n');
  const root = host.firstElementChild;
  if (!root || sources.get(host) !== lines[0]) return drawWhole(host, svg, lines);
  // Elements by their line, oldest first, to be taken again where the line stays.
  const kept = new Map<string, Element[]>();
  for (const element of Array.from(root.children).slice(1)) {
    const line = sources.get(element) ?? '';
    kept.set(line, [...(kept.get(line) ?? []), element]);
  }
  // A line that only moved (the same text at another height) keeps its element, moved.
  const moved = new Map<string, Element[]>();
  const wanted = lines.slice(1, -1).map((line) => kept.get(line)?.shift() ?? line);
  for (const [line, elements] of kept) {
    for (const element of elements) {
      const key = withoutHeight(line);
      moved.set(key, [...(moved.get(key) ?? []), element]);
    }
  }
  const drawn = wanted.map((item) => {
    if (typeof item !== 'string') return item;
    const element = moved.get(withoutHeight(item))?.shift();
    if (!element) return made(item);
    const y = HEIGHT.exec(item)?.[1];
    if (y !== undefined) element.setAttribute('y', y);
    sources.set(element, item);
    return element;
  });
  for (const gone of moved.values()) gone.forEach((element) => element.remove());
  let at = root.firstElementChild!.nextElementSibling;
  for (const element of drawn) {
    if (element === at) at = at.nextElementSibling;
    else root.insertBefore(element, at);
  }
}

/** Svelte action: `<div use:sheet={page}>`. */
export function sheet(host: HTMLElement, svg: string) {
  draw(host, svg);
  return { update: (next: string) => draw(host, next) };
}
