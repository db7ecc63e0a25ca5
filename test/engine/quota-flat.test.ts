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
 * commit 64fb6ee, the last one without a quota layer, and recorded again for model version 2 (issue 11:
 * pay sets effort level and attrition, contract timing, run-off terminal value). A deliberate change to
 * the flat model changes them: the failure prints the new fingerprints to paste here, with the reason in the commit.
 */
const BEFORE_QUOTAS: Record<string, string[]> = {
  'mid-market-saas': ['eaa4e470fa479285', '215ba8539af216c5', '1144bb4d7956f228'],
  'enterprise-multi-year': ['83b92ea60db615ab', '9b368a7e1ec8e476', 'f125fc47ce693cac'],
  'high-touch-services': ['175e576958abac38', 'c8fab37d950f39b9', 'a06f4428bcd7af27'],
  'default-1': ['fdab639ab964db9d', '733343da8a501dfc', '08b2027a1c719384'],
  'default-4': ['f5fc36cddccdeb73', '7670e5f79d5f511e', '0c508a8dcdd44a99'],
  'default-12': ['16968b54d1db47c4', '727c2a68932012f4', 'f2b1b7dff69172df'],
  'default-sbg': ['29eb9cf69d9f806a', '97d31991a5b5aa0e', '8ef8348acb14fd5b'],
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
