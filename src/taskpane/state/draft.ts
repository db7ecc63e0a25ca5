/**
 * What the user is editing: the text of every field exactly as typed (so nothing typed is lost, even
 * when it is not a number yet), plus the scenario it started from. Pure: the reducer is tested without
 * React.
 *
 * Field paths: `settings:<key>`, `behaviour:<key>`, `segment:<id>:<key>`, `plan:<id>:<key>`, and
 * `segment:<id>:name` / `plan:<id>:name` for names. Ids are stable across adding and removing rows.
 * A plan's quota keys (`plan:<id>:ae.newArr.quota`) are texts of its row too (quota-fields.ts).
 */
import {
  defaultSegment, findSpec, specsOf, type AssumptionSpec, type Language, type Scenario, type Scope,
} from '../../engine';
import { displayText, parseField, t } from '../../i18n';
import { quotaFieldSpec, quotaKeysIn, quotaTexts } from './quota-fields';

/** The scopes the pane renders. Plan rows carry their quota keys as texts as well (quota-fields.ts). */
export const EDITED_SCOPES = ['scenario', 'segment', 'behaviour', 'plan'] as const satisfies readonly Scope[];

export type Raw = Record<string, string>;

export interface DraftRow {
  id: string;
  name: string;
  values: Raw;
  /** The values the row was loaded from: keys the pane does not render keep these. */
  base: Readonly<Record<string, number>>;
}

export interface Draft {
  /** The scenario the draft was loaded from: anything the pane does not edit comes from here. */
  source: Scenario;
  /** The locale the texts are written in (decimal and group separators). */
  locale: string;
  name: string;
  settings: Raw;
  behaviour: Raw;
  segments: DraftRow[];
  baseline: DraftRow;
  proposed: DraftRow[];
  budgetNeutral: boolean;
  nextId: number;
  /** True once anything was changed since the scenario was loaded (the example's description then no longer applies). */
  edited?: boolean;
  /**
   * The field being typed in and its text before this edit began (consecutive keystrokes in one field
   * are one edit). While that field is invalid the results are those of `before`, not of a half-typed value.
   */
  editing?: { path: string; before: string };
}

export const BASELINE_ID = 'baseline';

function texts(scope: Scope, values: Record<string, number>, locale: string): Raw {
  const out: Raw = {};
  for (const spec of specsOf(scope)) out[spec.key] = textOf(spec, values[spec.key], locale);
  return out;
}

function textOf(spec: AssumptionSpec, value: number | undefined, locale: string): string {
  if (value === undefined || !Number.isFinite(value)) return value === undefined ? '' : String(value);
  return spec.unit === 'choice' ? String(value) : displayText(spec, value, locale);
}

export function draftFromScenario(s: Scenario, locale: string, budgetNeutral = false): Draft {
  let n = 0;
  const row = (prefix: string, name: string, scope: Scope, values: Record<string, number>): DraftRow => ({
    id: `${prefix}${++n}`, name, base: values,
    values: scope === 'plan' ? { ...texts(scope, values, locale), ...quotaTexts(values, locale) } : texts(scope, values, locale),
  });
  return {
    source: s,
    locale,
    name: s.name,
    settings: texts('scenario', s.settings, locale),
    behaviour: texts('behaviour', s.behaviour, locale),
    segments: s.segments.map((g) => row('s', g.name, 'segment', g.values)),
    baseline: { ...row('b', s.baseline.name, 'plan', s.baseline.values), id: BASELINE_ID },
    proposed: s.proposed.map((p) => row('p', p.name, 'plan', p.values)),
    budgetNeutral,
    nextId: n + 1,
  };
}

export type Action =
  | { type: 'field'; path: string; text: string }
  | { type: 'name'; text: string }
  | { type: 'addSegment'; name: string }
  | { type: 'removeSegment'; id: string }
  /** A new proposed plan, a copy of plan `from` (an id; BASELINE_ID for today's plan; default the last proposed plan). */
  | { type: 'addPlan'; name: string; from?: string }
  | { type: 'removePlan'; id: string }
  /** Sets texts of a plan's keys and removes keys (the quota designer adds and removes roles and components). */
  | { type: 'planKeys'; id: string; set: Raw; remove?: readonly string[] }
  | { type: 'budgetNeutral'; on: boolean }
  | { type: 'scaleEfforts' }
  | { type: 'load'; scenario: Scenario }
  /** The field lost focus: the edit in progress is committed (draft.editing ends). */
  | { type: 'commit' }
  /** Puts back a whole earlier draft (undo of a load or a removed plan). */
  | { type: 'restore'; draft: Draft }
  | { type: 'locale'; locale: string };

const EFFORT_KEYS = ['effortAcquire', 'effortRetain', 'effortExpand'] as const;

export function reduce(d: Draft, a: Action): Draft {
  let next = apply(d, a);
  // Any other action ends the edit in progress: its text is then committed.
  if (a.type !== 'field' && next.editing) next = { ...next, editing: undefined };
  // Loading starts afresh; a locale switch rewrites texts without changing a value.
  return next === d || a.type === 'load' || a.type === 'locale' || a.type === 'restore' || next.edited ? next : { ...next, edited: true };
}

function apply(d: Draft, a: Action): Draft {
  switch (a.type) {
    case 'field': {
      const editing = d.editing?.path === a.path ? d.editing : { path: a.path, before: fieldText(d, a.path) };
      return { ...setField(d, a.path, a.text), editing };
    }
    case 'name':
      return { ...d, name: a.text };
    case 'addSegment': {
      // A new segment copies the last one's values (a user usually splits a segment), named by the caller.
      const from = d.segments[d.segments.length - 1];
      const base = from?.base ?? defaultSegment().values;
      const values = from ? { ...from.values } : texts('segment', base, d.locale);
      return { ...d, segments: [...d.segments, { id: `s${d.nextId}`, name: a.name, values, base }], nextId: d.nextId + 1 };
    }
    case 'removeSegment':
      return d.segments.length <= 1 ? d : { ...d, segments: d.segments.filter((g) => g.id !== a.id) };
    case 'addPlan': {
      const from = [d.baseline, ...d.proposed].find((r) => r.id === a.from) ?? d.proposed[d.proposed.length - 1] ?? d.baseline;
      return { ...d, proposed: [...d.proposed, { id: `p${d.nextId}`, name: a.name, values: { ...from.values }, base: from.base }], nextId: d.nextId + 1 };
    }
    case 'removePlan':
      return { ...d, proposed: d.proposed.filter((p) => p.id !== a.id) };
    case 'planKeys': {
      const edit = (r: DraftRow): DraftRow => {
        if (r.id !== a.id) return r;
        const values = { ...r.values };
        for (const key of a.remove ?? []) delete values[key];
        return { ...r, values: Object.assign(values, a.set) };
      };
      return { ...d, baseline: edit(d.baseline), proposed: d.proposed.map(edit) };
    }
    case 'budgetNeutral':
      return { ...d, budgetNeutral: a.on };
    case 'scaleEfforts':
      return scaleEfforts(d);
    case 'load':
      return draftFromScenario(a.scenario, d.locale, d.budgetNeutral);
    case 'commit':
      return d;
    case 'restore':
      return relocalize(a.draft, d.locale);
    case 'locale':
      return relocalize(d, a.locale);
  }
}

/** The text of a field path ('' when the field has none yet). */
export function fieldText(d: Draft, path: string): string {
  const [part, a, b] = path.split(':');
  if (part === 'settings' || part === 'behaviour') return d[part][a] ?? '';
  const row = part === 'segment' ? d.segments.find((r) => r.id === a) : a === BASELINE_ID ? d.baseline : d.proposed.find((r) => r.id === a);
  return (b === 'name' ? row?.name : row?.values[b]) ?? '';
}

function setField(d: Draft, path: string, text: string): Draft {
  const [part, a, b] = path.split(':');
  if (part === 'settings' || part === 'behaviour') return { ...d, [part]: { ...d[part], [a]: text } };
  const edit = (r: DraftRow): DraftRow => (r.id !== a ? r : b === 'name' ? { ...r, name: text } : { ...r, values: { ...r.values, [b]: text } });
  if (part === 'segment') return { ...d, segments: d.segments.map(edit) };
  if (part === 'plan') return a === BASELINE_ID ? { ...d, baseline: edit(d.baseline) } : { ...d, proposed: d.proposed.map(edit) };
  return d;
}

/**
 * Scales the three sales-effort shares so they add up to 100 % (keeping their proportions). The texts
 * carry six decimals, so the last share takes what the first two leave: the texts add up exactly.
 */
function scaleEfforts(d: Draft): Draft {
  const spec = findSpec('effortAcquire')!;
  const values = EFFORT_KEYS.map((k) => parseField(spec, d.behaviour[k], d.locale));
  const sum = values.reduce((x, y) => x + y, 0);
  if (!(sum > 0) || values.some((v) => !Number.isFinite(v))) return d;
  const percent = values.map((v) => Math.round((v / sum) * 1e8) / 1e6);
  percent[2] = Math.round((100 - percent[0] - percent[1]) * 1e6) / 1e6;
  const behaviour = { ...d.behaviour };
  EFFORT_KEYS.forEach((k, i) => { behaviour[k] = displayText(spec, percent[i] / 100, d.locale); });
  return { ...d, behaviour };
}

/** Rewrites every text that parses in the old locale in the new one; text that does not parse stays as typed. */
function relocalize(d: Draft, locale: string): Draft {
  if (locale === d.locale) return d;
  const convert = (scope: Scope, raw: Raw): Raw => {
    const out: Raw = { ...raw };
    const quota = scope === 'plan' ? quotaKeysIn(raw).map((k) => quotaFieldSpec(k)!) : [];
    for (const spec of [...specsOf(scope), ...quota]) {
      if (spec.unit === 'choice' || raw[spec.key] === undefined) continue;
      const v = parseField(spec, raw[spec.key], d.locale);
      if (Number.isFinite(v)) out[spec.key] = displayText(spec, v, locale);
    }
    return out;
  };
  const row = (scope: Scope) => (r: DraftRow): DraftRow => ({ ...r, values: convert(scope, r.values) });
  return {
    ...d,
    locale,
    settings: convert('scenario', d.settings),
    behaviour: convert('behaviour', d.behaviour),
    segments: d.segments.map(row('segment')),
    baseline: row('plan')(d.baseline),
    proposed: d.proposed.map(row('plan')),
  };
}

/** Name for a new segment or plan that no existing one has. */
export function freshName(existing: readonly string[], language: Language, key: 'newSegmentName' | 'newPlanName'): string {
  for (let n = existing.length + 1; ; n++) {
    const name = t(language, key, { n });
    if (!existing.includes(name)) return name;
  }
}
