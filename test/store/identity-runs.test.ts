import { describe, expect, it } from 'vitest';
import { codePointCompare, compareObservations, doubleText, foldRuns } from '../../src/store/identity-runs.js';

describe('identity runs in memory', () => {
  it('folds time-ordered observations onto the last stored run: A A B A → extended A, B, A', () => {
    const last = { value: 'A', firstUs: 100, lastUs: 200, messages: 3 };
    const obs = [{ tUs: 300, value: 'A' }, { tUs: 400, value: 'B' }, { tUs: 400, value: 'A' }, { tUs: 500, value: 'A' }].sort(compareObservations);
    // at t=400 'A' sorts before 'B': A(300) A(400) B(400) A(500)
    expect(foldRuns(last, obs)).toEqual([
      { value: 'A', firstUs: 100, lastUs: 400, messages: 5 },
      { value: 'B', firstUs: 400, lastUs: 400, messages: 1 },
      { value: 'A', firstUs: 500, lastUs: 500, messages: 1 },
    ]);
    expect(last.messages).toBe(3); // not mutated
    expect(foldRuns(null, [])).toEqual([]);
  });

  it('orders text as DuckDB does (UTF-8 bytes = code points), not by UTF-16 units', () => {
    expect(codePointCompare('ABC', 'ABD')).toBeLessThan(0);
    expect(codePointCompare('AB', 'ABC')).toBeLessThan(0);
    expect(codePointCompare('Z', 'a')).toBeLessThan(0);
    // U+FF21 (3 UTF-8 bytes) sorts before U+1F6A2 (4 bytes); UTF-16 units would put the surrogate D83D first
    expect(codePointCompare('\uFF21', '\u{1F6A2}')).toBeLessThan(0);
    expect('\uFF21' < '\u{1F6A2}').toBe(false);
  });

  it('formats DOUBLEs as DuckDB casts them to VARCHAR, or declines', () => {
    expect(doubleText(10)).toBe('10.0');
    expect(doubleText(5.2)).toBe('5.2');
    expect(doubleText(0.1)).toBe('0.1');
    expect(doubleText(1e15)).toBeNull(); // DuckDB: 1000000000000000.0 — left to DuckDB
    expect(doubleText(1e-5)).toBeNull(); // DuckDB: 1e-05
    expect(doubleText(-0)).toBeNull();
    expect(doubleText(Number.NaN)).toBeNull();
  });
});
