/**
 * From the draft's texts to a scenario the engine accepts, or to the problems that stop it: each field
 * is parsed and checked against its catalogue row (the message names the field, the text as typed and
 * the valid range, in the units the field is typed in), then the engine's cross-field rules run and
 * their problems are pinned to the fields they name. Problem texts come from the engine's messages.ts.
 * A plan's quota keys are checked like its flat keys, against their QUOTA_CATALOGUE rows.
 */
import {
  checkValue, describeProblem, findSpec, ROLES, specsOf,
  type AssumptionSpec, type Language, type NamedPlan, type Problem, type Scenario, type Scope, validateScenario,
} from '../../engine';
import { parseField, t, toDisplay } from '../../i18n';
import { BASELINE_ID, type Draft, type DraftRow, type Raw } from './draft';
import { quotaFieldSpec, quotaKeysIn, quotaLabel, withoutQuotaKeys } from './quota-fields';
import { weightSumSentence } from '../quotas/texts-i15';

export interface Evaluation {
  /** The scenario as typed, when every field parses and the engine accepts it. */
  scenario?: Scenario;
  /** Field path → message (the field is marked invalid). */
  fieldErrors: Map<string, string>;
  /** Every message, for the summary list at the top of the form. */
  messages: string[];
}

/** The problem a field's text has, with the range in the units the field is typed in (10 means 10 %). */
export function fieldProblem(spec: AssumptionSpec, text: string, locale: string, label: string): { value: number; problem?: Problem } {
  const value = parseField(spec, text, locale);
  const problem = checkValue(spec, Number.isNaN(value) ? text : value, label);
  if (!problem) return { value };
  const shown = problem.code === 'notANumber' || problem.code === 'notAllowed' ? text.trim() : text.trim() || String(toDisplay(spec, value));
  return {
    value,
    problem: { ...problem, value: shown, min: problem.min === undefined ? undefined : toDisplay(spec, spec.min), max: problem.max === undefined ? undefined : toDisplay(spec, spec.max) },
  };
}

function label(key: string, lang: Language): string {
  return findSpec(key)?.label[lang] ?? quotaLabel(key, lang) ?? key;
}

export function evaluate(d: Draft, lang: Language): Evaluation {
  const fieldErrors = new Map<string, string>();
  const messages: string[] = [];
  const fail = (path: string, text: string) => {
    if (!fieldErrors.has(path)) fieldErrors.set(path, text);
    messages.push(text);
  };

  const record = (scope: Scope, raw: Raw, pathOf: (key: string) => string, prefix: string, base: Record<string, number>) => {
    // A plan's quota keys come from its texts only: a role removed in the designer is gone.
    const quota = scope === 'plan' ? quotaKeysIn(raw).map((k) => quotaFieldSpec(k)!) : [];
    const out: Record<string, number> = scope === 'plan' ? withoutQuotaKeys(base) : { ...base };
    for (const spec of [...specsOf(scope), ...quota]) {
      const { value, problem } = fieldProblem(spec, raw[spec.key] ?? '', d.locale, prefix + label(spec.key, lang));
      if (problem) fail(pathOf(spec.key), describeProblem(problem, lang));
      else out[spec.key] = value;
    }
    return out;
  };

  const names = new Set<string>();
  const segments = d.segments.map((g) => {
    const name = g.name.trim();
    if (!name) fail(`segment:${g.id}:name`, t(lang, 'segmentNameEmpty'));
    else if (names.has(name)) fail(`segment:${g.id}:name`, t(lang, 'segmentNameTaken'));
    names.add(name);
    const prefix = d.segments.length > 1 ? `${name}: ` : '';
    return { name, values: record('segment', g.values, (k) => `segment:${g.id}:${k}`, prefix, g.base) };
  });
  const plan = (r: DraftRow): NamedPlan =>
    ({ name: r.name.trim() || r.name, values: record('plan', r.values, (k) => `plan:${r.id}:${k}`, `${r.name}: `, r.base) as NamedPlan['values'] });
  const scenario: Scenario = {
    ...d.source,
    name: d.name,
    settings: record('scenario', d.settings, (k) => `settings:${k}`, '', d.source.settings) as Scenario['settings'],
    behaviour: record('behaviour', d.behaviour, (k) => `behaviour:${k}`, '', d.source.behaviour) as Scenario['behaviour'],
    segments: segments as Scenario['segments'],
    baseline: plan(d.baseline),
    proposed: d.proposed.map(plan),
  };
  if (fieldErrors.size) return { fieldErrors, messages };

  // Every field is in range: the engine's cross-field rules (effort shares add up to 1, …).
  for (const problem of validateScenario(scenario)) {
    const paths = pathsOf(problem.key ?? '', d);
    const keys = paths.map((p) => p.split(':').pop()!);
    const where = paths[0]?.startsWith('segment:') && d.segments.length > 1 ? `${ownerName(paths[0], d)}: ` : paths[0]?.startsWith('plan:') ? `${ownerName(paths[0], d)}: ` : '';
    const text = problem.code === 'weightsSum' && paths.length
      ? weightSumSentence(lang, ownerName(paths[0], d), keys[0], Number(problem.value), d.locale, (id) => ROLES.find((r) => r.id === id)?.label[lang] ?? id)
      : describeProblem({ ...problem, key: keys.length ? where + keys.map((k) => label(k, lang)).join(' + ') : problem.key }, lang);
    if (paths.length) paths.forEach((p) => { if (!fieldErrors.has(p)) fieldErrors.set(p, text); });
    messages.push(text);
  }
  return messages.length ? { fieldErrors, messages } : { scenario, fieldErrors, messages };
}

function ownerName(path: string, d: Draft): string {
  const [part, id] = path.split(':');
  if (part === 'segment') return d.segments.find((g) => g.id === id)?.name ?? '';
  return id === BASELINE_ID ? d.baseline.name : d.proposed.find((p) => p.id === id)?.name ?? '';
}

/**
 * The fields an engine problem key names: "baseline.commissionNew", "proposed2.clawback",
 * "SMB.churn", "churn" (one segment), "SMB.sbgAlpha/sbgBeta", "effortAcquire+effortRetain+effortExpand",
 * "proposed.ae.newArr.weight+ae.renewal.weight" (quota keys of a plan).
 */
export function pathsOf(problemKey: string, d: Draft): string[] {
  let rest = problemKey;
  let owner: { part: 'segment' | 'plan'; id: string } | undefined;
  const plan = /^(baseline|proposed(\d*))\./.exec(rest);
  if (plan) {
    const index = plan[1] === 'baseline' ? -1 : Math.max(0, Number(plan[2] || '1') - 1);
    owner = { part: 'plan', id: index < 0 ? BASELINE_ID : d.proposed[index]?.id ?? '' };
    rest = rest.slice(plan[0].length);
  } else {
    // Segment names may contain dots: match the longest name that prefixes the key.
    const seg = [...d.segments].sort((a, b) => b.name.length - a.name.length).find((g) => rest.startsWith(`${g.name.trim()}.`));
    if (seg && d.segments.length > 1) {
      owner = { part: 'segment', id: seg.id };
      rest = rest.slice(seg.name.trim().length + 1);
    }
  }
  const out: string[] = [];
  for (const key of rest.split(/[+/]/)) {
    const spec = findSpec(key);
    if (!spec && owner?.part === 'plan' && quotaFieldSpec(key)) out.push(`plan:${owner.id}:${key}`);
    if (!spec) continue;
    if (spec.scope === 'scenario') out.push(`settings:${key}`);
    else if (spec.scope === 'behaviour') out.push(`behaviour:${key}`);
    else if (spec.scope === 'segment') out.push(`segment:${owner?.part === 'segment' ? owner.id : d.segments[0]?.id}:${key}`);
    else if (spec.scope === 'plan' && owner?.part === 'plan') out.push(`plan:${owner.id}:${key}`);
  }
  return out;
}
