import { describe, expect, it } from 'vitest';
import { BOLD, ITALIC, toggleEmphasis } from '../src/lib/emphasis';
import { openPage, renderApp, screen, waitFor } from './helpers';

const text = 'bekerja di rumah (Work From Home) bagi pegawai';
const at = (word: string) => [text.indexOf(word), text.indexOf(word) + word.length] as const;

describe('the Miring and Tebal buttons', () => {
  it('wrap the selected words in the markers and keep them selected', () => {
    const [s, e] = at('Work From Home');
    expect(toggleEmphasis(text, s, e, ITALIC)).toEqual({
      text: 'bekerja di rumah (_Work From Home_) bagi pegawai',
      start: s + 1,
      end: e + 1,
    });
    expect(toggleEmphasis(text, ...at('pegawai'), BOLD).text).toBe('bekerja di rumah (Work From Home) bagi *pegawai*');
  });

  it('take spaces out of the selection and widen it to whole words', () => {
    const [s, e] = at(' rumah ');
    expect(toggleEmphasis(text, s, e, ITALIC).text).toBe('bekerja di _rumah_ (Work From Home) bagi pegawai');
    expect(toggleEmphasis(text, s + 3, s + 3, BOLD).text).toBe('bekerja di *rumah* (Work From Home) bagi pegawai');
    expect(toggleEmphasis(text, at('ker')[0], at('ker')[1], BOLD).text).toBe('*bekerja* di rumah (Work From Home) bagi pegawai');
    expect(toggleEmphasis('a  b', 2, 2, ITALIC)).toEqual({ text: 'a  b', start: 2, end: 2 });
  });

  it('take the markers off when they are already there', () => {
    const marked = 'secara _online_ saja';
    expect(toggleEmphasis(marked, 8, 14, ITALIC)).toEqual({ text: 'secara online saja', start: 7, end: 13 });
    expect(toggleEmphasis(marked, 7, 15, ITALIC).text).toBe('secara online saja');
    expect(toggleEmphasis(marked, 8, 14, BOLD).text).toBe('secara _*online*_ saja');
  });

  it('mark a word of a point from the editor', async () => {
    const { user } = await renderApp();
    await openPage(user, 'nav-surat-edaran', 'page-surat-edaran');
    await user.selectOptions(await screen.findByTestId('new-kind'), 'wfh_baru');
    await user.click(screen.getByTestId('new-circular'));
    const area = (await screen.findAllByTestId('point-text'))[0] as HTMLTextAreaElement;
    await user.clear(area);
    await user.type(area, 'Rapat secara daring');
    area.setSelectionRange(13, 19);
    await user.click(screen.getAllByTestId('point-italic')[0]);
    await waitFor(() => expect(area.value).toBe('Rapat secara _daring_'));
    expect([area.selectionStart, area.selectionEnd]).toEqual([14, 20]);
    area.setSelectionRange(0, 5);
    await user.keyboard('{Control>}b{/Control}');
    await waitFor(() => expect(area.value).toBe('*Rapat* secara _daring_'));
  });
});
