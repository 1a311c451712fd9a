import { describe, expect, it } from 'vitest';
import * as P from '../src/lib/points';
import type { Point } from '../src/lib/types';

const tree = (): Point[] => [
  { text: 'satu', children: [], clause: 'dasar' },
  { text: 'dua', children: [{ text: 'dua a', children: [] }] },
  { text: 'tiga', children: [] },
];
const texts = (points: Point[]): unknown => points.map((p) => (p.children.length ? [p.text, texts(p.children)] : p.text));

describe('the points tree', () => {
  it('labels levels like the printed document', () => {
    expect([P.label(0, 0), P.label(1, 1), P.label(2, 2), P.label(3, 0), P.label(4, 3)]).toEqual(['1.', 'b.', '3)', 'a)', '(4)']);
  });

  it('indents a point under the one above and outdents it back after its parent', () => {
    const indented = P.indent(tree(), [2]);
    expect(texts(indented)).toEqual(['satu', ['dua', ['dua a', 'tiga']]]);
    expect(texts(P.outdent(indented, [1, 1]))).toEqual(['satu', ['dua', ['dua a']], 'tiga']);
    expect(texts(P.indent(tree(), [0]))).toEqual(texts(tree()));
  });

  it('puts a removed point back at its place, or as near as is left', () => {
    const original = tree();
    const removed = P.at(original, [1, 0]);
    expect(texts(P.insert(P.remove(original, [1, 0]), [1, 0], removed))).toEqual(texts(original));
    expect(texts(P.insert(P.remove(original, [1]), [1], P.at(original, [1])))).toEqual(texts(original));
    expect(texts(P.insert([], [1, 0], removed))).toEqual(['dua a']);
  });

  it('moves, adds and removes without touching the input', () => {
    const original = tree();
    expect(texts(P.move(original, [2], -1))).toEqual(['satu', 'tiga', ['dua', ['dua a']]]);
    expect(texts(P.addChild(original, [0]))).toEqual([['satu', ['']], ['dua', ['dua a']], 'tiga']);
    expect(texts(P.remove(original, [1, 0]))).toEqual(['satu', 'dua', 'tiga']);
    expect(P.addAfter(original, [0])[1].text).toBe('');
    expect(texts(original)).toEqual(texts(tree()));
  });

  it('numbers skip plain paragraphs, and a plain paragraph stays plain when edited', () => {
    const plain = P.toggleNumbered(tree(), [0]);
    expect(P.labels(plain, 0)).toEqual([null, '1.', '2.']);
    expect(P.setText(plain, [0], 'Menindaklanjuti …')[0]).toEqual({ text: 'Menindaklanjuti …', children: [], unnumbered: true });
    expect(P.labels(P.toggleNumbered(plain, [0]), 0)).toEqual(['1.', '2.', '3.']);
  });

  it('a point edited by hand stops following the template', () => {
    const edited = P.setText(tree(), [0], 'dasar sendiri');
    expect(edited[0]).toEqual({ text: 'dasar sendiri', children: [] });
  });
});
