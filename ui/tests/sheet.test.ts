import { describe, expect, it } from 'vitest';
import { sheet } from '../src/lib/sheet';

const page = (...lines: string[]) =>
  ['<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 100 100"><rect width="100%" height="100%" fill="#fff"/>', ...lines, '</svg>'].join('\n');
const text = (y: number, words: string) => `<text y="${y}" font-size="12"><tspan x="10">${words}</tspan></text>`;

describe('a preview page', () => {
  it('keeps the elements of unchanged lines and draws only the changed one, in order', () => {
    const host = document.createElement('div');
    const action = sheet(host, page(text(10, 'SURAT EDARAN'), text(30, 'TENTANG'), text(50, 'Butir 1')));
    const [title, about, point] = Array.from(host.querySelectorAll('text'));

    action.update(page(text(10, 'SURAT EDARAN'), text(30, 'TENTANG PERUBAHAN'), text(50, 'Butir 1')));

    const now = Array.from(host.querySelectorAll('text'));
    expect(now.map((t) => t.textContent)).toEqual(['SURAT EDARAN', 'TENTANG PERUBAHAN', 'Butir 1']);
    expect(now[0]).toBe(title);
    expect(now[1]).not.toBe(about);
    expect(now[2]).toBe(point);
    expect(now[1].namespaceURI).toBe('http://www.w3.org/2000/svg');
    expect(host.querySelectorAll('svg')).toHaveLength(1);
  });

  it('moves a line pushed down by a new line instead of drawing it again', () => {
    const host = document.createElement('div');
    const action = sheet(host, page(text(10, 'TENTANG'), text(30, 'Butir 1')));
    const [, point] = Array.from(host.querySelectorAll('text'));

    action.update(page(text(10, 'TENTANG PERPANJANGAN'), text(30, 'PENYESUAIAN'), text(50, 'Butir 1')));

    const now = Array.from(host.querySelectorAll('text'));
    expect(now.map((t) => t.textContent)).toEqual(['TENTANG PERPANJANGAN', 'PENYESUAIAN', 'Butir 1']);
    expect(now[2]).toBe(point);
    expect(point.getAttribute('y')).toBe('50');
  });

  it('draws a page afresh when the sheet itself changes (another paper)', () => {
    const host = document.createElement('div');
    const action = sheet(host, page(text(10, 'A')));
    const before = host.firstElementChild;
    action.update(page(text(10, 'A')).replace('0 0 100 100', '0 0 100 140'));
    expect(host.firstElementChild).not.toBe(before);
    expect(host.querySelector('svg')!.getAttribute('viewBox')).toBe('0 0 100 140');
  });

  it('draws a removed line away and keeps repeated lines apart', () => {
    const host = document.createElement('div');
    const action = sheet(host, page(text(10, 'A'), text(10, 'A'), text(30, 'B')));
    action.update(page(text(10, 'A'), text(30, 'B')));
    expect(Array.from(host.querySelectorAll('text')).map((t) => t.textContent)).toEqual(['A', 'B']);
  });
});
