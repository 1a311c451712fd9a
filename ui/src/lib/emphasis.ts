// The editor's Miring/Tebal buttons: they only put the markers around the
// selected words or take them off. What the markers mean (word boundaries,
// pairing, escapes) is read by the core.

/** `_miring_` */
export const ITALIC = '_';
/** `*tebal*` */
export const BOLD = '*';

/** A point's text after an edit, with the selection to restore. */
export interface Edited {
  text: string;
  start: number;
  end: number;
}

const wordChar = /[\p{L}\p{N}]/u;
const space = /\s/;

/**
 * Wraps the selection `[start, end)` of `text` in `marker`, or unwraps it when
 * the marker already stands around it. The selection is trimmed of spaces and
 * widened to whole words (markers count only at word boundaries); with no
 * selection, the word at the caret is taken. Nothing changes when no word is
 * there.
 */
export function toggleEmphasis(text: string, start: number, end: number, marker: string): Edited {
  while (start < end && space.test(text[start])) start++;
  while (end > start && space.test(text[end - 1])) end--;
  while (start > 0 && wordChar.test(text[start - 1])) start--;
  while (end < text.length && wordChar.test(text[end])) end++;
  if (start === end) return { text, start, end };
  const selected = text.slice(start, end);
  if (text[start - 1] === marker && text[end] === marker) {
    return { text: text.slice(0, start - 1) + selected + text.slice(end + 1), start: start - 1, end: end - 1 };
  }
  if (selected.length > 2 && selected.startsWith(marker) && selected.endsWith(marker)) {
    return { text: text.slice(0, start) + selected.slice(1, -1) + text.slice(end), start, end: end - 2 };
  }
  return { text: text.slice(0, start) + marker + selected + marker + text.slice(end), start: start + 1, end: end + 1 };
}
