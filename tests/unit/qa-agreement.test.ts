import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { deviationsFromReference, icc, krippendorffAlpha } from '../../shared/qa/agreement';

// Krippendorff (2011) "Computing Krippendorff's Alpha-Reliability", section C: 4 observers × 12 units, values 1–5,
// missing data. One row per observer as published; the function takes units (columns), so transpose.
const _ = null;
const OBSERVERS: ReadonlyArray<ReadonlyArray<number | null>> = [
  [1, 2, 3, 3, 2, 1, 4, 1, 2, _, _, _],
  [1, 2, 3, 3, 2, 2, 4, 1, 2, 5, _, 3],
  [_, 3, 3, 3, 2, 3, 4, 2, 2, 5, 1, _],
  [1, 2, 3, 3, 2, 4, 4, 1, 2, 5, 1, _],
];
const UNITS = OBSERVERS[0]!.map((_v, u) => OBSERVERS.map((row) => row[u]!));

// Shrout & Fleiss (1979) Table 2: 6 targets × 4 judges.
const SHROUT_FLEISS = [
  [9, 2, 5, 8],
  [6, 1, 3, 2],
  [8, 4, 6, 8],
  [7, 1, 2, 6],
  [10, 5, 6, 9],
  [6, 2, 4, 7],
];

describe('Krippendorff (2011) worked example, 4 coders × 12 units with missing values', () => {
  it.each([
    ['nominal', 0.743],
    ['ordinal', 0.815],
    ['interval', 0.849],
  ] as const)('%s alpha = %f', (level, published) => {
    expect(krippendorffAlpha(UNITS, level)).toBeCloseTo(published, 3);
  });

  it('nominal alpha is exactly 1 − 39·8 / (40² − 384) = 0.74342 (unit 12, with one value, drops out)', () => {
    expect(krippendorffAlpha(UNITS, 'nominal')).toBeCloseTo(1 - (39 * 8) / (1600 - 384), 12);
    expect(krippendorffAlpha(UNITS.slice(0, 11), 'nominal')).toBeCloseTo(krippendorffAlpha(UNITS, 'nominal')!, 12);
  });

  it('is undefined (null) with no pairable unit or no variation', () => {
    expect(krippendorffAlpha([], 'interval')).toBeNull();
    expect(krippendorffAlpha([[1, null], [null, 2]], 'nominal')).toBeNull();
    expect(krippendorffAlpha([[3, 3], [3, 3, 3]], 'interval')).toBeNull();
  });
});

describe('Shrout & Fleiss (1979) Table 2, 6 targets × 4 judges', () => {
  it('ICC(2,1) = 0.29 and ICC(3,1) = 0.71', () => {
    expect(icc(SHROUT_FLEISS, '2,1')).toBeCloseTo(0.29, 2);
    expect(icc(SHROUT_FLEISS, '3,1')).toBeCloseTo(0.71, 2);
  });

  it('is undefined (null) for incomplete or degenerate data', () => {
    expect(icc([[1, 2]], '2,1')).toBeNull();
    expect(icc([[1, 2], [3]], '3,1')).toBeNull();
    expect(icc([[4, 4], [4, 4]], '2,1')).toBeNull();
  });
});

describe('deviations from the reference score', () => {
  it('is each inspector’s score minus the reference', () => {
    expect(deviationsFromReference({ qa1: 82, qa2: 75, qa3: 80 }, 80)).toEqual({ qa1: 2, qa2: -5, qa3: 0 });
  });
});

// Units: 2–6 coders, values 1..7 or missing.
const unitsArb = fc.array(fc.array(fc.option(fc.integer({ min: 1, max: 7 }), { nil: null }), { minLength: 3, maxLength: 3 }), { minLength: 2, maxLength: 12 });
const levels = fc.constantFrom('nominal', 'ordinal', 'interval' as const);

describe('properties of alpha and ICC', () => {
  it('perfect agreement on varied units gives 1', () => {
    fc.assert(fc.property(fc.array(fc.integer({ min: 1, max: 5 }), { minLength: 2, maxLength: 10 }), fc.integer({ min: 2, max: 5 }), levels, (vals, coders, level) => {
      fc.pre(new Set(vals).size > 1);
      const units = vals.map((v) => Array.from({ length: coders }, () => v));
      expect(krippendorffAlpha(units, level)).toBeCloseTo(1, 12);
      expect(icc(units, '2,1')).toBeCloseTo(1, 12);
      expect(icc(units, '3,1')).toBeCloseTo(1, 12);
    }));
  });

  it('alpha never exceeds 1', () => {
    fc.assert(fc.property(unitsArb, levels, (units, level) => {
      const a = krippendorffAlpha(units, level);
      if (a !== null) expect(a).toBeLessThanOrEqual(1 + 1e-12);
    }));
  });

  it('alpha does not depend on the order of the coders', () => {
    fc.assert(fc.property(unitsArb, levels, (units, level) => {
      const reversed = units.map((u) => [...u].reverse());
      const rotated = units.map((u) => [...u.slice(1), u[0]!]);
      const a = krippendorffAlpha(units, level);
      for (const other of [reversed, rotated]) {
        const b = krippendorffAlpha(other, level);
        if (a === null) expect(b).toBeNull();
        else expect(b).toBeCloseTo(a, 9);
      }
    }));
  });

  it('interval alpha does not change under a linear rescale (e.g. 5-point to 100-point scores)', () => {
    fc.assert(fc.property(unitsArb, fc.integer({ min: 1, max: 40 }), fc.integer({ min: -50, max: 50 }), (units, scale, shift) => {
      const rescaled = units.map((u) => u.map((v) => (v === null ? null : v * scale + shift)));
      const a = krippendorffAlpha(units, 'interval');
      const b = krippendorffAlpha(rescaled, 'interval');
      if (a === null) expect(b).toBeNull();
      else expect(b).toBeCloseTo(a, 9);
    }));
  });
});
