import {
  CATALOGUE, checkValue, defaultScenario, describeProblem, findSpec, nearestKey, validateScenario,
  type AssumptionSpec, type Language, type NamedPlan, type Scenario, type Segment,
} from '../engine';

/**
 * Reads a scenario from cell values laid out like CEQ.DEFAULTS output: a header row ("key", then one
 * column per segment or per plan, then optional unit/meaning columns), one key per row. Segment keys
 * take one value per column (the columns are segments); plan keys take one per column (the first is
 * the baseline, the rest proposed plans); scenario and behaviour keys take the first column.
 * Several ranges (the assumptions range and each plan's key/value range) are merged in order.
 *
 * NOTE: src/functions/ranges.ts (the custom functions' parser) did not exist when this was written;
 * once it does, this should delegate the per-cell parsing to it so that both read ranges alike.
 */
export interface ReadReport {
  scenario?: Scenario;
  found: string[];
  defaulted: string[];
  rejected: { key: string; reason: string }[];
}

type Cell = unknown;

/** Keys match the catalogue ignoring case, spaces, "_", "-" and "." (new_customers is newCustomers), as the custom functions do. */
const normal = (s: string) => s.toLowerCase().replace(/[\s_\-.]/g, '');
let byNormal: Map<string, AssumptionSpec> | undefined;
function specOf(text: string): AssumptionSpec | undefined {
  byNormal ??= new Map(CATALOGUE.map((s) => [normal(s.key), s as AssumptionSpec]));
  return findSpec(text) ?? byNormal.get(normal(text));
}
const TRAILING = new Set(['unit', 'unidad', 'meaning', 'significado', 'label', 'etiqueta', 'scope', 'ámbito']);

/** "10%", "1,200", " 0.5 " → numbers; anything else undefined. Blank → null. */
export function parseCellNumber(v: Cell): number | null | undefined {
  if (v === null || v === undefined || v === '') return null;
  if (typeof v === 'number') return Number.isFinite(v) ? v : undefined;
  if (typeof v === 'boolean') return undefined;
  const s = String(v).trim().replace(/\u00a0/g, ' ');
  if (s === '') return null;
  const pct = s.endsWith('%');
  const body = (pct ? s.slice(0, -1) : s).trim().replace(/[ _]/g, '');
  // 1,200.5 (thousands commas) or 0,5 (decimal comma) — a lone comma with ≠3 digits after is decimal.
  const normal = /^-?\d{1,3}(,\d{3})+(\.\d+)?$/.test(body) ? body.replace(/,/g, '') : /^-?\d+,\d+$/.test(body) ? body.replace(',', '.') : body;
  if (!/^-?(\d+\.?\d*|\.\d+)(e-?\d+)?$/i.test(normal)) return undefined;
  const n = Number(normal);
  return pct ? n / 100 : n;
}

export function readScenarioFromRanges(ranges: readonly Cell[][][], lang: Language = 'en', base: Scenario = defaultScenario()): ReadReport {
  const report: ReadReport = { found: [], defaulted: [], rejected: [] };
  const segments = new Map<string, Record<string, number>>();
  const plans = new Map<string, Record<string, number>>();
  const scalars: Record<string, number> = {};
  const say = (key: string, problem: Parameters<typeof describeProblem>[0]) => report.rejected.push({ key, reason: describeProblem(problem, lang) });

  for (const values of ranges) {
    if (!values.length) continue;
    const header = values[0].map((h) => String(h ?? '').trim());
    let width = header.length;
    for (let c = 1; c < header.length; c++) {
      if (header[c] === '' || TRAILING.has(header[c].toLowerCase())) {
        width = c;
        break;
      }
    }
    const columns = header.slice(1, width);
    if (!columns.length) {
      say(header[0] || 'range', { code: 'badShape', key: header[0] || 'range', detail: 'headerRow' });
      continue;
    }
    for (const row of values.slice(1)) {
      const text = String(row[0] ?? '').trim();
      if (!text) continue;
      const spec = specOf(text);
      if (!spec) {
        say(text, { code: 'unknownKey', key: text, suggestion: nearestKey(text) });
        continue;
      }
      const key = spec.key;
      const perColumn = spec.scope === 'segment' || spec.scope === 'plan';
      const cols = perColumn ? columns.map((_, i) => i) : [0];
      for (const i of cols) {
        const label = perColumn ? `${columns[i]}.${key}` : key;
        const raw = row[1 + i];
        const n = parseCellNumber(raw);
        if (n === null) {
          report.defaulted.push(label);
          continue;
        }
        const problem = n === undefined ? { code: 'notANumber' as const, key: label, value: raw, min: spec.min, max: spec.max } : checkValue(spec, n, label);
        if (problem || n === undefined) {
          say(label, problem!);
          continue;
        }
        report.found.push(label);
        if (spec.scope === 'segment') (segments.get(columns[i]) ?? segments.set(columns[i], {}).get(columns[i])!)[key] = n;
        else if (spec.scope === 'plan') (plans.get(columns[i]) ?? plans.set(columns[i], {}).get(columns[i])!)[key] = n;
        else scalars[key] = n;
      }
    }
  }

  const s: Scenario = {
    name: base.name,
    settings: { ...base.settings },
    behaviour: { ...base.behaviour },
    segments: [],
    baseline: { name: base.baseline.name, values: { ...base.baseline.values } },
    proposed: [],
  };
  for (const [key, v] of Object.entries(scalars)) {
    if (findSpec(key)!.scope === 'scenario') (s.settings as Record<string, number>)[key] = v;
    else (s.behaviour as Record<string, number>)[key] = v;
  }
  const segTemplate = base.segments[0]?.values;
  s.segments = segments.size
    ? [...segments].map(([name, v]): Segment => ({ name, values: { ...segTemplate, ...v } as Segment['values'] }))
    : base.segments.map((g) => ({ name: g.name, values: { ...g.values } }));
  const planList = [...plans];
  if (planList.length) {
    const [first, ...rest] = planList;
    s.baseline = { name: first[0], values: { ...base.baseline.values, ...first[1] } as NamedPlan['values'] };
    s.proposed = rest.map(([name, v]) => ({ name, values: { ...base.baseline.values, ...v } as NamedPlan['values'] }));
  } else {
    s.proposed = base.proposed.map((p) => ({ name: p.name, values: { ...p.values } }));
  }
  // A scenario is returned only when nothing was rejected and the whole of it is valid: a rejected cell
  // (a typo, a value out of range) must be fixed, not silently replaced by its default.
  const problems = validateScenario(s);
  for (const p of problems) say(p.key ?? 'scenario', p);
  if (!report.rejected.length) report.scenario = s;
  return report;
}
