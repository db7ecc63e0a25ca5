import { evaluateCorrelation, emptyCorrelation, withPairs } from '../../src/taskpane/uncertainty/correlation-draft';
import type { UncertaintyRow } from '../../src/engine';

const normal = (key: string, segment: string): UncertaintyRow => ({ key, segment, distribution: { kind: 'normal', mean: 1, sd: 0.1 } });
const ROWS = [normal('sbgAlpha', 'SMB'), normal('sbgBeta', 'SMB')];

describe('fitted correlations join the correlation draft', () => {
  it('adds both rows to the matrix and types the rank correlation in the reader\'s locale', () => {
    const es = withPairs(emptyCorrelation(), [{ a: 'SMB.sbgAlpha', b: 'SMB.sbgBeta', rank: -0.41234 }], 'es-ES');
    expect(es.chosen).toEqual(['SMB.sbgAlpha', 'SMB.sbgBeta']);
    expect(es.cells['SMB.sbgAlpha|SMB.sbgBeta']).toBe('-0,412');
    expect(evaluateCorrelation(es, ROWS, 'es-ES').correlation).toEqual({ keys: ['SMB.sbgAlpha', 'SMB.sbgBeta'], matrix: [[1, -0.412], [-0.412, 1]] });
  });

  it('keeps what the matrix held and overwrites only the fitted pair', () => {
    const before = { chosen: ['SMB.sbgBeta', 'churn'], cells: { 'SMB.sbgBeta|churn': '0.2' }, tolerance: '' };
    const after = withPairs(before, [{ a: 'SMB.sbgAlpha', b: 'SMB.sbgBeta', rank: 0.5 }], 'en-US');
    expect(after.chosen).toEqual(['SMB.sbgBeta', 'churn', 'SMB.sbgAlpha']);
    expect(after.cells).toEqual({ 'SMB.sbgBeta|churn': '0.2', 'SMB.sbgBeta|SMB.sbgAlpha': '0.5' });
  });
});
