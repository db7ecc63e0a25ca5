/**
 * The results screen's table of key metrics per year, and its tab-separated form for the clipboard
 * (pastes into Excel as numbers: no grouping, the locale's decimal sign, percentages with "%").
 */
import type { Language, YearRow } from '../../engine';
import { t, type Formats, type MessageKey } from '../../i18n';
import type { PlanView } from './compute';

export const TABLE_METRICS = ['revenue', 'arr', 'nrr', 'grr', 'customers', 'compCost', 'contribution'] as const;
export type TableMetric = (typeof TABLE_METRICS)[number];
/** `points`: the change of a rate, in percentage points (NRR 98.5 % → 99.4 % is +0.9 pp, not +0.9 %). */
type Kind = 'money' | 'percent' | 'points' | 'count';
const KIND: Record<TableMetric, Kind> = { revenue: 'money', arr: 'money', nrr: 'percent', grr: 'percent', customers: 'count', compCost: 'money', contribution: 'money' };

export interface MetricRow {
  metric: TableMetric;
  metricLabel: string;
  /** Which line of the metric: the baseline, the proposed plan, or proposed minus baseline. */
  line: 'baseline' | 'proposed' | 'change';
  lineLabel: string;
  kind: Kind;
  values: number[];
}

export interface MetricsTable {
  years: string[];
  rows: MetricRow[];
}

export function metricsTable(v: PlanView, lang: Language): MetricsTable {
  const years = v.baselineYears.map((r) => t(lang, 'yearN', { n: r.year }));
  const rows: MetricRow[] = [];
  for (const metric of TABLE_METRICS) {
    const base = v.baselineYears.map((r: YearRow) => r[metric]);
    const prop = v.proposedYears.map((r: YearRow) => r[metric]);
    const metricLabel = t(lang, `metric.${metric}` as MessageKey);
    const row = (line: MetricRow['line'], lineLabel: string, values: number[]): MetricRow => ({
      metric, metricLabel, line, lineLabel, kind: line === 'change' && KIND[metric] === 'percent' ? 'points' : KIND[metric], values,
    });
    rows.push(row('baseline', v.baselineName, base), row('proposed', v.name, prop), row('change', t(lang, 'change'), prop.map((x, i) => x - base[i])));
  }
  return { years, rows };
}

/** A value as the screen shows it. */
export function cellText(kind: Kind, value: number, fmt: Formats, lang: Language): string {
  if (kind === 'points') return `${fmt.number(value * 100, 1, 1)} ${t(lang, 'percentagePoints')}`;
  return kind === 'money' ? fmt.money(value) : kind === 'percent' ? fmt.percent(value, 1) : fmt.number(value, 0);
}

/** A value as Excel reads it when pasted in this locale. */
function pasteText(kind: Kind, value: number, locale: string): string {
  const plain = (v: number, digits: number) =>
    new Intl.NumberFormat(locale, { useGrouping: false, maximumFractionDigits: digits }).format(v).replace('\u2212', '-');
  // Points paste as a percentage too: Excel then holds the difference of the two rates as a number.
  if (kind === 'percent' || kind === 'points') return `${plain(value * 100, 2)}%`;
  return plain(value, kind === 'money' ? 0 : 1);
}

export function toTsv(table: MetricsTable, lang: Language, locale: string): string {
  const clean = (s: string) => s.replace(/[\t\r\n]+/g, ' ');
  const lines = [[t(lang, 'metric'), t(lang, 'plan'), ...table.years].map(clean).join('\t')];
  for (const r of table.rows) lines.push([clean(r.metricLabel), clean(r.lineLabel), ...r.values.map((v) => pasteText(r.kind, v, locale))].join('\t'));
  return `${lines.join('\r\n')}\r\n`;
}
