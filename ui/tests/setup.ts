/**
 * The UI tests run on the fake office's day (6 April 2020, recorded with its
 * circulars by tests/contract.rs): “today” is the day the core's answers
 * were recorded for. Only the date is faked; timers stay real.
 */
import { afterEach, beforeEach, vi } from 'vitest';
import CIRCULARS from '../src/lib/recorded/circulars.json';

beforeEach(() => {
  vi.useFakeTimers({ toFake: ['Date'] });
  vi.setSystemTime(new Date(`${CIRCULARS.today}T09:00:00`));
});

afterEach(() => {
  vi.useRealTimers();
});
