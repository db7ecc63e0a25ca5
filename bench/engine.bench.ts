import { defaultScenario, defaultSegment, projectPlan, runScenario, type Scenario } from '../src/engine';
import { project as projectV1 } from './v1/project';

/** Model version 1's projection (bench/v1, frozen) of the same plan, for the side-by-side figure. */
function v1(s: Scenario) {
  return projectV1(s.settings, s.segments.map((g) => g.name), s.segments.map((g) => g.values), s.behaviour, s.baseline.values, s.proposed[0].values);
}

function timePerProjection(count: number, f: () => number): number {
  let sink = 0;
  for (let i = 0; i < 2_000; i++) sink += f();
  const start = process.hrtime.bigint();
  for (let i = 0; i < count; i++) sink += f();
  const seconds = Number(process.hrtime.bigint() - start) / 1e9;
  if (!(sink > 0)) throw new Error('the projection returned nothing');
  return (seconds / count) * 1e6;
}

/** Projections per second for a 10-year, 3-segment scenario, annual and monthly (one core). */
export async function run(): Promise<string[]> {
  const s = defaultScenario();
  s.settings.horizonYears = 10;
  s.segments = [defaultSegment('SMB'), defaultSegment('Mid-market'), defaultSegment('Enterprise')];
  const lines: string[] = [];
  for (const [ppy, count] of [[1, 200_000], [4, 20_000], [12, 5_000]] as const) {
    s.settings.periodsPerYear = ppy;
    runScenario(s); // validates once, as a caller would
    let sink = 0;
    for (let i = 0; i < 2_000; i++) sink += projectPlan(s, s.proposed[0].values).value('arr', 0);
    const start = process.hrtime.bigint();
    for (let i = 0; i < count; i++) sink += projectPlan(s, s.proposed[0].values).value('arr', 0);
    const seconds = Number(process.hrtime.bigint() - start) / 1e9;
    lines.push(`projection, 10 years x 3 segments, ${ppy} period(s)/year: ${(count / seconds).toFixed(0)} per second, ${(seconds / count * 1e6).toFixed(1)} µs each${sink > 0 ? '' : ' (!)'}`);
  }
  // Model version 2 against version 1 (bench/v1), interleaved in one run so both see the same machine;
  // the best round of each, because other work on a shared machine only ever adds time.
  s.settings.periodsPerYear = 1;
  const plan = s.proposed[0].values;
  let timeV1 = Infinity, timeV2 = Infinity;
  for (let r = 0; r < 5; r++) {
    timeV1 = Math.min(timeV1, timePerProjection(100_000, () => v1(s).value('arr', 0)));
    timeV2 = Math.min(timeV2, timePerProjection(100_000, () => projectPlan(s, plan).value('arr', 0)));
  }
  const ratio = timeV2 / timeV1;
  lines.push(`model version 2 against version 1, annual 10 years x 3 segments: ${timeV2.toFixed(1)} µs against ${timeV1.toFixed(1)} µs, ${ratio.toFixed(2)}x `
    + `(target at most 1.5x: ${ratio <= 1.5 ? 'met' : 'NOT met'}; version 2 adds the run-off of the horizon-end book, 50 years per segment, where version 1 had a perpetuity)`);
  return lines;
}
