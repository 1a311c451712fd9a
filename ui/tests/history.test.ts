import { describe, expect, it } from 'vitest';
import { History, STEP_MS } from '../src/lib/history';

describe('undo history', () => {
  it('starts with nothing to undo or redo', () => {
    const h = new History('a');
    expect([h.canUndo, h.canRedo]).toEqual([false, false]);
    expect(h.undo()).toBeNull();
    expect(h.redo()).toBeNull();
  });

  it('joins quick changes (a typed word) into one step', () => {
    const h = new History('');
    h.record('r', 0);
    h.record('ra', 100);
    h.record('rap', 250);
    h.record('rapat', 900);
    expect(h.undo()).toBe('');
    expect(h.canUndo).toBe(false);
  });

  it('starts a new step after a pause or a cut', () => {
    const h = new History('');
    h.record('rapat', 0);
    h.record('rapat dinas', STEP_MS + 1);
    h.record('rapat dinas', STEP_MS + 2);
    h.cut();
    h.record('rapat dinas.', STEP_MS + 3);
    expect(h.undo()).toBe('rapat dinas');
    expect(h.undo()).toBe('rapat');
    expect(h.undo()).toBe('');
    expect(h.undo()).toBeNull();
  });

  it('redoes what was undone until a new change', () => {
    const h = new History('1');
    h.record('2', 0);
    h.record('3', 1000);
    expect(h.undo()).toBe('2');
    expect(h.undo()).toBe('1');
    expect(h.redo()).toBe('2');
    expect(h.canRedo).toBe(true);
    h.record('2b', 1001);
    expect(h.canRedo).toBe(false);
    expect(h.redo()).toBeNull();
    expect(h.undo()).toBe('2');
  });

  it('ignores the state an undo just set (the editor records every change it sees)', () => {
    const h = new History('a');
    h.record('b', 0);
    const back = h.undo()!;
    h.record(back, 10);
    expect(h.canRedo).toBe(true);
    expect(h.redo()).toBe('b');
  });

  it('does not join a change made right after an undo into the undone step', () => {
    const h = new History('a');
    h.record('b', 0);
    h.undo();
    h.record('c', 5);
    expect(h.undo()).toBe('a');
  });
});
