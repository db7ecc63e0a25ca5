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
 * pay sets effort level and attrition, contract timing, run-off terminal value), and once more when
 * the flat run-off was rewritten per customer for speed (terminal-flat.ts: terminal values moved by at
 * most 1.2e-15 relative over 42 projections, every other number unchanged). A deliberate change to
 * the flat model changes them: the failure prints the new fingerprints to paste here, with the reason in the commit.
 */
const BEFORE_QUOTAS: Record<string, string[]> = {
  'mid-market-saas': ['1e60e8e8401e872b', 'd6c0837e85675405', 'a790128409c7334a'],
  'enterprise-multi-year': ['5b77e1f8a4477196', '9b368a7e1ec8e476', '3d9bfc660c33683f'],
  'high-touch-services': ['1259c6edcb3deef3', '83d498eb06618d7b', '30b39fae70ac925a'],
  'default-1': ['3d98bd3fb49da4fe', 'b22b98b1ce1db1eb', 'd2e1f87e6c5fb60e'],
  'default-4': ['d94ef078abfd06b1', '6e70e7ee0cc6aa1f', 'f288394097e6fcb8'],
  'default-12': ['45de26c8330e9607', '727c2a68932012f4', '8cd139d560696db3'],
  'default-sbg': ['e58cea1c6bc9e7d8', '97d31991a5b5aa0e', '3b7d59a2abefed8f'],
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
