import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import {
  defaultScenario, planUsesQuotas, project, projectPlan, runScenario, scenarioFromJson, type Projection, type Scenario,
} from '../../src/engine';

/**
 * Flat-rate plans are untouched by the quota layer: their projections are bit for bit what they were
 * before it existed. The fingerprints below are SHA-256 (first 16 hex digits) of every number of each
 * projection (metrics, behaviour, terminal values) and of the comparisons, recorded with the engine of
 * commit 64fb6ee, the last one without a quota layer. A deliberate change to the flat model changes
 * them: the failure prints the new fingerprints to paste here, with the reason in the commit.
 */
const BEFORE_QUOTAS: Record<string, string[]> = {
  'mid-market-saas': ['b199b8d0dad76b91', '530905a67a357211', '826e2839ec81e8f8'],
  'enterprise-multi-year': ['0a2cc1f42a43ce5c', 'ec6736eda6b941f4', '7da2f9b5bd5f36cb'],
  'high-touch-services': ['e94614f519a3771d', 'a2aef808f4be1c7a', '71010f72ed692cb5'],
  'default-1': ['169106d636e9b6fc', '1c1be46f06307e62', '52e27e1cb5b402fe'],
  'default-4': ['0904be737c101e88', 'fad95f98ac371093', 'e43bf3d568e1473a'],
  'default-12': ['a4ca9717a26a1ae8', 'a3792444e80b7312', '10a6b6a610b32791'],
  'default-sbg': ['ed8d1b60357e3cda', 'b41b1e83b1dbb3f6', '2b48202607e696fb'],
};

function fingerprint(p: Projection): string {
  const h = createHash('sha256');
  for (const a of [p.data, p.behaviour, p.terminalValue]) h.update(Buffer.from(a.buffer, a.byteOffset, a.byteLength));
  return h.digest('hex').slice(0, 16);
}

function scenarios(): [string, Scenario][] {
  const out: [string, Scenario][] = ['mid-market-saas', 'enterprise-multi-year', 'high-touch-services'].map((name) => [
    name, scenarioFromJson(JSON.parse(readFileSync(resolve(__dirname, '../../examples', `${name}.json`), 'utf8'))),
  ]);
  for (const ppy of [1, 4, 12]) {
    const s = defaultScenario();
    s.settings.periodsPerYear = ppy;
    s.settings.horizonYears = 7;
    out.push([`default-${ppy}`, s]);
  }
  const sbg = defaultScenario();
  Object.assign(sbg.segments[0].values, { sbgAlpha: 0.8, sbgBeta: 2.5, contractTermYears: 2 });
  out.push(['default-sbg', sbg]);
  return out;
}

describe('flat-rate plans', () => {
  it('project bit for bit as before the quota layer (the examples and the default scenario, annual to monthly, sBG)', () => {
    const now: Record<string, string[]> = {};
    for (const [name, s] of scenarios()) {
      const r = runScenario(s);
      now[name] = [fingerprint(r.baseline), ...r.proposed.map(fingerprint), createHash('sha256').update(JSON.stringify(r.comparisons)).digest('hex').slice(0, 16)];
    }
    expect(now).toEqual(BEFORE_QUOTAS);
  });

  it('take the loop without a hook: projectPlan is project() itself for them', () => {
    for (const [, s] of scenarios()) {
      for (const plan of [s.baseline.values, ...s.proposed.map((p) => p.values)]) {
        expect(planUsesQuotas(plan)).toBe(false);
        const direct = project(s.settings, s.segments.map((g) => g.name), s.segments.map((g) => g.values), s.behaviour, s.baseline.values, plan);
        expect(fingerprint(projectPlan(s, plan))).toBe(fingerprint(direct));
      }
    }
  });
});
