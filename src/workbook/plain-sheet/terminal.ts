/**
 * Terminal values: the run-off of each plan's and segment's horizon-end book, RUN_OFF_YEARS rows, and
 * the tail beyond them: the sheet's copy of src/engine/model/terminal.ts terminalValue (flatRunOff,
 * sbgRunOff, withTail), with the last year's unit costs and pay rates and the fully adopted behaviour
 * (plan-constants.ts). MODEL.md section 6 (terminal value) and section 7.
 */
import { RUN_OFF_YEARS } from '../../engine';
import type { SegmentColumn } from '../columns';
import { add, and, div, eq, gt, iff, lt, max, min, mul, neg, num, pow, sqrt, sub, sum, sumOf, type Ex } from '../expr';
import { FORMAT, pick, t as tx, type Pair } from '../labels';
import type { GlobalConstants } from './constants';
import { segmentCurves } from './curves';
import { serviceChurnOf } from './formulas';
import { isSbg, RUN_OFF_KEYS, TV_KEYS, type PlainContext, type RunOffKey, type TvKey } from './layout';

const RUN_OFF_LABELS: Record<RunOffKey, Pair> = {
  year: { en: 'run-off year', es: 'año de liquidación' },
  customersBegin: { en: 'customers at start', es: 'clientes al inicio' },
  arrBegin: { en: 'ARR at start', es: 'ARR al inicio' },
  expansion: { en: 'expansion (ceiling applied)', es: 'expansión (con techo)' },
  midGrowth: { en: 'half-year growth of a renewal', es: 'crecimiento de medio año de una renovación' },
  customersEnd: { en: 'customers at end', es: 'clientes al final' },
  arrEnd: { en: 'ARR at end', es: 'ARR al final' },
  renewed: { en: 'ARR renewed', es: 'ARR renovado' },
  expanded: { en: 'expansion ARR', es: 'ARR de expansión' },
  contribution: { en: 'contribution', es: 'contribución' },
  discounted: { en: 'discounted to the horizon', es: 'descontada al horizonte' },
};

const TV_MEANING: Record<TvKey, Pair> = {
  costPerCustomer: { en: 'last year: cost per customer-year (cost to serve, contacts, bonus, prevention, people)', es: 'último año: coste por cliente-año (servicio, contactos, bono, prevención, personas)' },
  renewalRate: { en: 'last year: renewal pay per ARR renewed', es: 'último año: pago por renovación por ARR renovado' },
  expansionRate: { en: 'last year: expansion pay per ARR expanded', es: 'último año: pago por expansión por ARR ampliado' },
  finalChurn: { en: 'annual churn, fully adopted (at most 0.99)', es: 'abandono anual, adoptado del todo (como mucho 0,99)' },
  finalPressure: { en: 'churn pressure, fully adopted (sBG)', es: 'presión de abandono, adoptada del todo (sBG)' },
  finalExpansion: { en: 'expansion before the ceiling, fully adopted', es: 'expansión antes del techo, adoptada del todo' },
  termSurvival: { en: 'first-renewal survival of the customers still in their first term', es: 'supervivencia en la primera renovación de los que siguen en su primer contrato' },
  runOffSum: { en: `sum of the ${RUN_OFF_YEARS} run-off years, discounted to the horizon`, es: `suma de los ${RUN_OFF_YEARS} años de liquidación, descontados al horizonte` },
  tailRatio: { en: 'last year ÷ the year before (the geometric tail when in (0, 1))', es: 'último año ÷ el anterior (la cola geométrica si está en (0, 1))' },
  terminalValue: { en: 'run-off sum + last year × ratio ÷ (1 − ratio)', es: 'suma + último año × ratio ÷ (1 − ratio)' },
};

/** Writes the terminal value block and the run-off tables; returns the terminal value cells by plan and segment. */
export function writeTerminalValues(c: PlainContext, gc: GlobalConstants, planConst: Record<string, Ex>[], segConst: Record<string, Ex>[]): Ex[][] {
  const { s, lang, sh, S, B, G, one, zero, VAL, P, ppy, plans, nSeg } = c;
  const { last, groupRow, labelRow } = c.rows;
  c.header(c.rows.tvHeader, lang === 'es' ? 'Valor terminal por segmento: liquidación de la cartera del horizonte' : 'Terminal value per segment: run-off of the horizon-end book', plans.map((pl) => pl.name));
  const firstOfLastYear = Math.max(0, P - ppy);
  const tvCells: Ex[][] = plans.map(() => []);
  const bookOf = plans.flatMap((_, p) => s.segments.map((_, i) => ({ p, i })));
  for (const { p, i } of bookOf) {
    const ro = { ...segmentCurves(c, i, gc.dt), sbg: isSbg(s, i), nPools: c.blocks.pools[p][i].count, termP: s.segments[i].values.contractTermYears * ppy, CTn: s.segments[i].values.contractTermYears };
    const col = VAL + p;
    const blk = c.blocks.segment[p][i];
    const g = (key: string) => G(key, i);
    const lastYear = (key: SegmentColumn) => sum(sh.rangeOf(c.rows.of(firstOfLastYear), blk.col(key), last, blk.col(key)));
    const put = (key: TvKey, e: Ex, format: string) => {
      sh.set(c.rows.tv(i, key), col, e, { style: 'calc', format });
      return sh.abs(c.rows.tv(i, key), col);
    };
    const pc = planConst[p];
    const cy = lastYear('customerYears');
    const overhead = add(add(lastYear('serviceBonus'), lastYear('preventionSpend')), lastYear('peopleCost'));
    const cost = put('costPerCustomer', iff(gt(cy, zero), div(add(sub(mul(g('grossMargin'), lastYear('revenue')), lastYear('grossProfit')), overhead), cy), zero), FORMAT.money);
    const rRate = put('renewalRate', iff(gt(lastYear('renewedArr'), zero), div(lastYear('commissionRenewal'), lastYear('renewedArr')), zero), FORMAT.share);
    const eRate = put('expansionRate', iff(gt(lastYear('expansionArr'), zero), div(lastYear('commissionExpansion'), lastYear('expansionArr')), zero), FORMAT.share);
    const finalContacts = sh.abs(last, blk.col('contactsPerCustomer'));
    const churn = put('finalChurn', min(num(0.99), max(zero, add(add(mul(segConst[i].sales0, pc.adoptedSalesChurnFactor),
      serviceChurnOf(c, finalContacts, pc.adoptedUnresolved)), pc.adoptedHandoff))), FORMAT.share);
    const pressure = put('finalPressure', iff(gt(g('churn'), zero), div(churn, g('churn')), one), FORMAT.factor);
    const e = put('finalExpansion', mul(g('expansion'), pc.adoptedExpansionFactor), FORMAT.share);
    const termSurvival = put('termSurvival', ro.sbg ? ro.sbgRenewal(1, pressure) : pow(sub(one, churn), g('contractTermYears')), FORMAT.share);
    // The book at the horizon: its pools, and the customers still in their first term (good and mis-sold).
    const pools = c.blocks.pools[p][i];
    const pendingBad = sh.abs(last, blk.col('misSoldEnd'));
    const pendingAll = sub(sub(add(sh.abs(last, blk.col('pendingBegin')), sh.abs(last, blk.col('newCustomers'))), sh.abs(last, blk.col('renewingGood'))), sh.abs(last, blk.col('renewingBad')));
    const pendingGood = sub(pendingAll, pendingBad);
    const joiners = add(mul(pendingGood, termSurvival), mul(pendingBad, sub(one, B('misSoldChurn'))));
    const halfContraction = sub(one, sqrt(sub(one, g('contraction'))));
    const rc = c.blocks.runOff[p][i];
    const at = (key: RunOffKey, y: number) => sh.ref(c.rows.of(y), rc.start + RUN_OFF_KEYS.indexOf(key));
    const horizonPools = Array.from({ length: ro.nPools }, (_, j) => j).filter((j) => j === 0 || !ro.sbg || P - 1 >= j - 1 + ro.termP);
    for (let y = 0; y < RUN_OFF_YEARS; y++) {
      const row = c.rows.of(y);
      const set = (key: RunOffKey, x: Ex | number, format: string = FORMAT.money) => {
        sh.set(row, rc.start + RUN_OFF_KEYS.indexOf(key), x, { format });
        return at(key, y);
      };
      set('year', y + 1, FORMAT.int);
      const bookN = y === 0 ? sum(sh.rangeOf(last, pools.n, last, pools.n + pools.count - 1)) : at('customersEnd', y - 1);
      const bookA = y === 0 ? sum(sh.rangeOf(last, pools.a, last, pools.a + pools.count - 1)) : at('arrEnd', y - 1);
      const nb = set('customersBegin', y === 0 ? add(pendingAll, bookN) : bookN, FORMAT.count);
      const ab = set('arrBegin', y === 0 ? add(mul(pendingAll, g('arpa')), bookA) : bookA);
      const expansion = set('expansion', iff(gt(nb, zero), mul(e, ro.ceilingAtMid(div(ab, nb), e, one)), zero), FORMAT.share);
      const mg = set('midGrowth', sqrt(mul(sub(one, g('contraction')), add(one, expansion))), FORMAT.factor);
      const joinKept = mul(mul(joiners, g('arpa')), sub(one, halfContraction));
      const joinGrown = mul(joinKept, sub(sqrt(add(one, expansion)), one));
      let nEnd: Ex, aEnd: Ex, staying: Ex;
      if (!ro.sbg) {
        staying = mul(bookA, sub(one, churn));
        const kept = mul(staying, sub(one, g('contraction')));
        nEnd = mul(bookN, sub(one, churn));
        aEnd = mul(kept, add(one, expansion));
        if (y === 0) {
          nEnd = add(nEnd, joiners);
          aEnd = add(aEnd, add(joinKept, joinGrown));
        }
        set('expanded', y === 0 ? add(mul(kept, expansion), joinGrown) : mul(kept, expansion));
      } else {
        // Each pool on its own sBG curve: the starting base by tenure, the others one renewal opportunity a year.
        const survivalOf = (j: number): Ex => {
          if (j === 0) return ro.spanSurvival(add(add(S('horizonYears'), g('baseTenureYears')), num(y)), pressure, one);
          if (j === ro.nPools) return sub(one, ro.hazardAt(num(ro.CTn + y), pressure));
          const opportunity = Math.floor((P - 1 - (j - 1)) / ro.termP) * ro.CTn + 1 + y;
          return sub(one, ro.hazardAt(num(opportunity), pressure));
        };
        const livePools = y === 0 ? horizonPools : [...horizonPools, ro.nPools];
        const stays: Ex[] = [];
        const keeps: Ex[] = [];
        for (const j of livePools) {
          const nPrev = y === 0 ? sh.abs(last, pools.n + j) : sh.ref(row - 1, rc.n + j);
          const aPrev = y === 0 ? sh.abs(last, pools.a + j) : sh.ref(row - 1, rc.a + j);
          const sv = survivalOf(j);
          const st = mul(aPrev, sv);
          const kept = mul(st, sub(one, g('contraction')));
          stays.push(st);
          keeps.push(kept);
          sh.set(row, rc.n + j, mul(nPrev, sv), { format: FORMAT.count });
          sh.set(row, rc.a + j, mul(kept, add(one, expansion)), { format: FORMAT.money });
        }
        if (y === 0) {
          sh.set(row, rc.n + ro.nPools, joiners, { format: FORMAT.count });
          sh.set(row, rc.a + ro.nPools, add(joinKept, joinGrown), { format: FORMAT.money });
        }
        staying = sumOf(...stays);
        nEnd = sum(sh.rangeOf(row, rc.n, row, rc.n + rc.pools - 1));
        aEnd = sum(sh.rangeOf(row, rc.a, row, rc.a + rc.pools - 1));
        const expandedBook = mul(sumOf(...keeps), expansion);
        set('expanded', y === 0 ? add(expandedBook, joinGrown) : expandedBook);
      }
      const ne = set('customersEnd', nEnd, FORMAT.count);
      const ae = set('arrEnd', aEnd);
      const renewed = set('renewed', y === 0 ? add(div(mul(staying, mg), g('contractTermYears')), mul(joiners, g('arpa'))) : div(mul(staying, mg), g('contractTermYears')));
      const contribution = set('contribution', iff(gt(nb, zero), sub(sub(sub(mul(g('grossMargin'), div(add(ab, ae), num(2))), mul(cost, div(add(nb, ne), num(2)))),
        mul(rRate, renewed)), mul(eRate, at('expanded', y))), zero));
      set('discounted', mul(contribution, pow(add(one, S('discountRate')), neg(add(num(y), iff(eq(S('discountTiming'), one), one, num(0.5)))))));
    }
    const discounted = sh.rangeOf(c.rows.of(0), rc.start + RUN_OFF_KEYS.indexOf('discounted'), c.rows.of(RUN_OFF_YEARS - 1), rc.start + RUN_OFF_KEYS.indexOf('discounted'));
    const runOffSum = put('runOffSum', sum(discounted), FORMAT.money);
    const lastY = at('discounted', RUN_OFF_YEARS - 1);
    const prevY = at('discounted', RUN_OFF_YEARS - 2);
    const ratio = put('tailRatio', iff(eq(prevY, zero), zero, div(lastY, prevY)), FORMAT.factor);
    const value = put('terminalValue', iff(and(gt(ratio, zero), lt(ratio, one)), add(runOffSum, div(mul(lastY, ratio), sub(one, ratio))), runOffSum), FORMAT.money);
    tvCells[p][i] = value;
    c.outputs.push({ sheet: 'plain', row: c.rows.tv(i, 'terminalValue'), col, ref: { kind: 'terminal', plan: p, segment: i } });
    // Headers of the run-off table.
    const title = `${c.planLabel(p)}: ${s.segments[i].name}: ${lang === 'es' ? 'liquidación' : 'run-off'}`;
    RUN_OFF_KEYS.forEach((key, k) => {
      sh.set(groupRow, rc.start + k, k === 0 ? title : '', { style: 'group' });
      sh.set(labelRow, rc.start + k, pick(RUN_OFF_LABELS[key], lang), { style: 'header' });
    });
    for (let j = 0; j < rc.pools; j++) {
      sh.set(groupRow, rc.n + j, j === 0 ? `${title}: ${tx('cohorts', lang)}: ${lang === 'es' ? 'clientes' : 'customers'}` : '', { style: 'group' });
      sh.set(groupRow, rc.a + j, j === 0 ? `${title}: ${tx('cohorts', lang)}: ARR` : '', { style: 'group' });
      sh.set(labelRow, rc.n + j, j === 0 ? tx('start', lang) : `${tx('joined', lang)} ${j}`, { style: 'header' });
      sh.set(labelRow, rc.a + j, j === 0 ? tx('start', lang) : `${tx('joined', lang)} ${j}`, { style: 'header' });
    }
  }
  for (let i = 0; i < nSeg; i++) {
    TV_KEYS.forEach((k2) => c.constRow(c.rows.tv(i, k2), `${s.segments[i].name}: ${k2}`, pick(TV_MEANING[k2], lang)));
  }
  return tvCells;
}
