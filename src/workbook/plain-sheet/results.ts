/**
 * The results block (per plan: PV of contribution, terminal value, customer equity; per proposed plan:
 * crossover, break-even, sacrifice, NPV and the other comparison fields), the pool matrices' headers and
 * the sheet's print layout. The results are the sheet's copy of src/engine/model/compare.ts compare
 * (customerEquity, terminalValuePv, terminalValueShare, crossoverPeriod, yearSum). MODEL.md section 7.
 */
import { add, and, div, eq, gt, iff, le, lt, mul, neg, num, pow, sub, sum, sumOf, text, type Ex } from '../expr';
import { FORMAT, pick, t as tx, type Pair } from '../labels';
import type { COMPARE_COLUMNS } from '../columns';
import { isSbg, PLAN_KEYS, RESULT_KEYS, type PlainContext, type ResultKey } from './layout';

const RESULT_LABELS: Record<ResultKey, Pair> = {
  pvContribution: { en: 'PV of contribution over the horizon', es: 'VA de la contribución en el horizonte' },
  terminalValue: { en: 'Terminal value at the horizon', es: 'Valor terminal en el horizonte' },
  terminalValuePv: { en: 'PV of the terminal value', es: 'VA del valor terminal' },
  customerEquity: { en: 'Customer equity', es: 'Valor del cliente (customer equity)' },
  crossoverPeriod: { en: 'Crossover period (cumulative revenue)', es: 'Período de cruce (ingresos acumulados)' },
  breakevenPeriod: { en: 'Break-even period (cumulative contribution)', es: 'Período de equilibrio (contribución acumulada)' },
  shortTermSacrifice: { en: 'Short-term sacrifice', es: 'Sacrificio a corto plazo' },
  npvDelta: { en: 'NPV of the change', es: 'VAN del cambio' },
  customerEquityBaseline: { en: 'Customer equity: baseline', es: 'Valor del cliente: plan base' },
  customerEquityProposed: { en: 'Customer equity: proposed', es: 'Valor del cliente: propuesta' },
  customerEquityDelta: { en: 'Change in customer equity', es: 'Cambio en el valor del cliente' },
  tenureNpvDelta: { en: 'NPV within executive tenure', es: 'VAN dentro del mandato' },
  year1RevenueDelta: { en: 'Year-1 revenue Δ', es: 'Δ ingresos año 1' },
  finalYearRevenueDelta: { en: 'Final-year revenue Δ', es: 'Δ ingresos último año' },
  year1CompCostDelta: { en: 'Year-1 comp cost Δ', es: 'Δ coste de retribución año 1' },
  finalYearCompCostDelta: { en: 'Final-year comp cost Δ', es: 'Δ coste de retribución último año' },
  terminalShareBaseline: { en: 'Terminal value share of customer equity: baseline', es: 'Parte del valor terminal en el valor del cliente: plan base' },
  terminalShareProposed: { en: 'Terminal value share of customer equity: proposed', es: 'Parte del valor terminal en el valor del cliente: propuesta' },
  terminalValueShare: { en: 'Terminal value share of customer equity', es: 'Parte del valor terminal en el valor del cliente' },
  periodsBeforeBreakeven: { en: 'Periods before break-even (all when it never breaks even)', es: 'Períodos antes del equilibrio (todos si no se alcanza)' },
};

/** Writes the results block from the totals, the comparisons and the terminal values (terminal.ts). */
export function writeResults(c: PlainContext, tvCells: Ex[][]): void {
  const { lang, sh, S, one, zero, VAL, P, ppy, plans, nPlans, tv } = c;
  const { first, last } = c.rows;
  c.header(c.rows.resHeader, tx('resultsBlock', lang), plans.map((pl) => pl.name));
  RESULT_KEYS.forEach((k2) => c.constRow(c.rows.res(k2), k2, pick(RESULT_LABELS[k2], lang)));
  const none = text(tx('none', lang));
  for (let p = 0; p < nPlans; p++) {
    const col = VAL + p;
    const put = (key: ResultKey, e: Ex, format: string = FORMAT.money) => {
      sh.set(c.rows.res(key), col, e, { style: 'output', format });
      return sh.abs(c.rows.res(key), col);
    };
    const tb = c.blocks.total[p];
    const pv = put('pvContribution', sum(sh.rangeOf(first, tb.col('pvContribution'), last, tb.col('pvContribution'))));
    const terminal = put('terminalValue', sumOf(...tvCells[p]));
    c.outputs.push({ sheet: 'plain', row: c.rows.res('terminalValue'), col, ref: { kind: 'terminal', plan: p, segment: 'total' } });
    const terminalPv = put('terminalValuePv', mul(terminal, pow(add(one, S('discountRate')), neg(S('horizonYears')))));
    const equity = put('customerEquity', add(pv, terminalPv));
    c.outputs.push({ sheet: 'plain', row: c.rows.res('customerEquity'), col, ref: { kind: 'equity', plan: p } });
    put('terminalValueShare', iff(eq(equity, zero), zero, div(terminalPv, equity)), FORMAT.share);
  }
  for (let p = 1; p < nPlans; p++) {
    const col = VAL + p;
    const cb = c.blocks.compare[p - 1];
    const whole = (key: keyof typeof COMPARE_COLUMNS) => sh.rangeOf(first, cb.col(key), last, cb.col(key));
    const yearOf = (key: keyof typeof COMPARE_COLUMNS, from: number) => sum(sh.rangeOf(c.rows.of(from), cb.col(key), c.rows.of(from + ppy - 1), cb.col(key)));
    const put = (key: ResultKey, e: Ex, format: string = FORMAT.money) => {
      sh.set(c.rows.res(key), col, e, { style: 'output', format });
      c.outputs.push({ sheet: 'plain', row: c.rows.res(key), col, ref: { kind: 'comparison', plan: p, field: key } });
      return sh.abs(c.rows.res(key), col);
    };
    const periodFrom = (count: Ex) => iff(gt(count, zero), sub(num(P + 1), count), none);
    put('crossoverPeriod', periodFrom(sum(whole('revenueAhead'))), FORMAT.int);
    sh.set(c.rows.res('periodsBeforeBreakeven'), col, sub(num(P), sum(whole('contributionAhead'))), { style: 'calc', format: FORMAT.int });
    const before = sh.abs(c.rows.res('periodsBeforeBreakeven'), col);
    put('breakevenPeriod', iff(lt(before, num(P)), add(before, one), none), FORMAT.int);
    // Sacrifice: negative contribution deltas before break-even (every period when it never breaks even).
    for (let t = 0; t < P; t++) {
      const delta = sh.ref(c.rows.of(t), cb.col('contributionDelta'));
      sh.set(c.rows.of(t), cb.col('sacrifice'), iff(and(le(tv('period', t), before), lt(delta, zero)), delta, zero), { format: FORMAT.money });
    }
    put('shortTermSacrifice', sum(whole('sacrifice')));
    put('npvDelta', sum(whole('pvDelta')));
    const ceBase = put('customerEquityBaseline', sh.abs(c.rows.res('customerEquity'), VAL));
    const ceProp = put('customerEquityProposed', sh.abs(c.rows.res('customerEquity'), col));
    put('customerEquityDelta', sub(ceProp, ceBase));
    put('tenureNpvDelta', sum(whole('tenurePvDelta')));
    put('year1RevenueDelta', yearOf('revenueDelta', 0));
    put('finalYearRevenueDelta', yearOf('revenueDelta', P - ppy));
    put('year1CompCostDelta', yearOf('compCostDelta', 0));
    put('finalYearCompCostDelta', yearOf('compCostDelta', P - ppy));
    put('terminalShareBaseline', sh.abs(c.rows.res('terminalValueShare'), VAL), FORMAT.share);
    put('terminalShareProposed', sh.abs(c.rows.res('terminalValueShare'), col), FORMAT.share);
  }
}

/** The pool matrices' headers, the column widths and the print preview (docs screenshots). */
export function writeFrame(c: PlainContext): void {
  const { s, lang, sh, VAL, nPlans, nSeg } = c;
  const { first, last, groupRow, labelRow, planHeader } = c.rows;
  for (let p = 0; p < nPlans; p++) {
    for (let i = 0; i < nSeg; i++) {
      const pc2 = c.blocks.pools[p][i];
      const what: [number, Pair][] = [[pc2.n, { en: 'customers', es: 'clientes' }], [pc2.a, { en: 'ARR', es: 'ARR' }]];
      for (const [start, label] of what) {
        sh.set(groupRow, start, `${c.planLabel(p)}: ${s.segments[i].name}: ${tx('cohorts', lang)}: ${pick(label, lang)}`, { style: 'group' });
        for (let j = 0; j < pc2.count; j++) {
          if (j > 0) sh.set(groupRow, start + j, '', { style: 'group' });
          sh.set(labelRow, start + j, j === 0 ? tx('start', lang) : isSbg(s, i) ? `${tx('joined', lang)} ${j}` : `${lang === 'es' ? 'fase' : 'phase'} ${j}`, { style: 'header' });
        }
      }
    }
  }

  sh.width(0, 30);
  sh.width(1, 48);
  for (let col = VAL; col < c.blocks.end; col++) sh.width(col, 14);
  // Preview (docs screenshots): the time and behaviour constants; and the first periods of the table
  // with the time columns, the baseline's main totals and the first comparison (other columns hidden).
  const topWidth = VAL + Math.max(nPlans, nSeg);
  const shown = [...c.blocks.time.cols.values(),
    ...['customersBegin', 'newCustomers', 'churnedCustomers', 'customers', 'arr', 'revenue', 'grossProfit', 'compCost', 'contribution', 'nrr']
      .map((key) => c.blocks.total[0].col(key)),
    ...(nPlans > 1 ? (['revenueDelta', 'contributionDelta', 'cumContributionDelta', 'pvDelta'] as const).map((key) => c.blocks.compare[0].col(key)) : [])];
  const lastShown = Math.max(...shown);
  sh.print = {
    areas: [
      { r0: 0, c0: 0, r1: planHeader + PLAN_KEYS.length, c1: topWidth - 1 },
      // Columns A and B are wide for the labels above; the period and year below need little.
      { r0: groupRow - 1, c0: 0, r1: Math.min(last, first + 23), c1: lastShown, colWidths: { 0: 8, 1: 6 } },
    ],
    hideCols: Array.from({ length: lastShown + 1 }, (_, col) => col).filter((col) => col >= topWidth && !shown.includes(col)),
  };
}
