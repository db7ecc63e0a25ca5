/**
 * Correlated inputs: Higham's nearest correlation matrix, Iman–Conover's re-pairing (achieved rank
 * correlations against requested ones, marginals untouched), with and without Latin hypercube.
 */
import fc from 'fast-check';
import {
  cholesky, createRandom, defaultScenario, imanConover, ModelError, nearestCorrelation, runMonteCarlo, spearman, symmetricEigen,
  type Matrix, type UncertaintyRow,
} from '../../src/engine';

const frob = (a: Matrix, b: Matrix) => Math.sqrt(a.reduce((s, r, i) => s + r.reduce((t, v, j) => t + (v - b[i][j]) ** 2, 0), 0));

describe('nearestCorrelation (Higham 2002)', () => {
  it('leaves a valid correlation matrix as it is', () => {
    const a = [[1, 0.3, 0.2], [0.3, 1, -0.1], [0.2, -0.1, 1]];
    const r = nearestCorrelation(a);
    expect(r.repaired).toBe(false);
    expect(r.matrix).toEqual(a);
  });

  it("repairs Higham's own example to his published answer", () => {
    // Higham (2002), section 4: A = [1 1 0; 1 1 1; 0 1 1] has nearest correlation matrix with
    // off-diagonals 0.7607, 0.1573, 0.7607 (to 4 decimals).
    const r = nearestCorrelation([[1, 1, 0], [1, 1, 1], [0, 1, 1]]);
    expect(r.repaired).toBe(true);
    expect(r.matrix[0][1]).toBeCloseTo(0.7607, 3);
    expect(r.matrix[0][2]).toBeCloseTo(0.1573, 3);
    expect(r.matrix[1][2]).toBeCloseTo(0.7607, 3);
    expect(r.largestChange).toBeCloseTo(1 - 0.7607, 3);
  });

  it('returns a factorable unit-diagonal symmetric matrix no farther than any valid one tried', () => {
    const entry = fc.double({ min: -1, max: 1, noNaN: true });
    fc.assert(fc.property(fc.array(entry, { minLength: 6, maxLength: 6 }), (v) => {
      const a = [[1, v[0], v[1], v[2]], [v[0], 1, v[3], v[4]], [v[1], v[3], 1, v[5]], [v[2], v[4], v[5], 1]];
      const { matrix } = nearestCorrelation(a);
      expect(cholesky(matrix, 0)).toBeDefined();
      matrix.forEach((r, i) => {
        expect(r[i]).toBe(1);
        r.forEach((x, j) => expect(x).toBe(matrix[j][i]));
      });
      expect(Math.min(...symmetricEigen(matrix).values)).toBeGreaterThan(-1e-9);
      // The identity is a valid correlation matrix: the nearest one is at least as close.
      const id = a.map((r, i) => r.map((_, j) => (i === j ? 1 : 0)));
      expect(frob(matrix, a)).toBeLessThanOrEqual(frob(id, a) + 1e-6);
    }), { numRuns: 60 });
  });
});

describe('imanConover', () => {
  const target = [[1, 0.7, -0.4], [0.7, 1, -0.2], [-0.4, -0.2, 1]];
  const n = 4000;

  it('achieves the requested rank correlations (within 0.03) and keeps every column’s values', () => {
    const r = createRandom(7);
    const cols = [0, 1, 2].map(() => Float64Array.from({ length: n }, () => r.next()));
    const before = cols.map((c) => Float64Array.from(c).sort());
    imanConover(cols, target, createRandom(8));
    cols.forEach((c, i) => expect(Float64Array.from(c).sort()).toEqual(before[i]));
    for (let i = 0; i < 3; i++) for (let j = i + 1; j < 3; j++) expect(Math.abs(spearman(cols[i], cols[j]) - target[i][j])).toBeLessThan(0.03);
  });
});

describe('a correlated Monte Carlo run', () => {
  const rows: UncertaintyRow[] = [
    { key: 'churn', distribution: { kind: 'triangular', min: 0.08, mode: 0.1, max: 0.13 } },
    { key: 'newCustomers', distribution: { kind: 'triangular', min: 90, mode: 120, max: 144 } },
    { key: 'responsiveness', distribution: { kind: 'pert', min: 0.2, mode: 0.6, max: 1.2 } },
  ];
  const correlation = { keys: ['churn', 'newCustomers'], matrix: [[1, -0.6], [-0.6, 1]] };

  it.each([false, true])('with LHS %s: the rank correlation requested, the marginals of the independent run', (lhs) => {
    const s = defaultScenario();
    const plain = runMonteCarlo(s, rows, { trials: 2000, seed: 3, latinHypercube: lhs, kinds: [] });
    const tied = runMonteCarlo(s, rows, { trials: 2000, seed: 3, latinHypercube: lhs, kinds: [], correlation });
    expect(Math.abs(spearman(plain.inputs[0], plain.inputs[1]))).toBeLessThan(0.08);
    expect(Math.abs(spearman(tied.inputs[0], tied.inputs[1]) + 0.6)).toBeLessThan(0.04);
    // Same values per input (re-paired only): no trial here breaks a rule, so none is redrawn.
    expect([plain.redrawn, tied.redrawn]).toEqual([0, 0]);
    for (let d = 0; d < 3; d++) expect(Float64Array.from(tied.inputs[d]).sort()).toEqual(Float64Array.from(plain.inputs[d]).sort());
    expect(tied.inputs[2]).toEqual(plain.inputs[2]);
    expect(tied.correlation?.repaired).toBe(false);
  });

  it('repairs a matrix that is not positive semi-definite and says so', () => {
    const three = { keys: ['churn', 'newCustomers', 'responsiveness'], matrix: [[1, 0.9, 0.9], [0.9, 1, -0.9], [0.9, -0.9, 1]] };
    const r = runMonteCarlo(defaultScenario(), rows, { trials: 500, seed: 3, kinds: [], correlation: three });
    expect(r.correlation?.repaired).toBe(true);
    expect(r.correlation?.largestChange).toBeGreaterThan(0.1);
    expect(cholesky(r.correlation!.used, 0)).toBeDefined();
  });

  it('names a key that is not a row of the table and a matrix that is not symmetric', () => {
    const bad = { keys: ['churn', 'arpa'], matrix: [[1, 0.5], [0.2, 1]] };
    let error: unknown;
    try { runMonteCarlo(defaultScenario(), rows, { trials: 10, correlation: bad }); } catch (e) { error = e; }
    expect(error).toBeInstanceOf(ModelError);
    const keys = (error as ModelError).problems.map((p) => p.key);
    expect(keys).toEqual(expect.arrayContaining(['correlation arpa', 'correlation churn × arpa']));
  });
});
