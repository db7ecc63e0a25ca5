import { defaultScenario, defaultSegment, projectPlan, runScenario } from '../src/engine';

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
  return lines;
}
