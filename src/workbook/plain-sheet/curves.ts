/**
 * A segment's churn and expansion curves as formulas: the sheet's copy of src/engine/model/churn.ts
 * (sbgRenewalSurvival, sbgSpanSurvival, the sBG hazard, ceilingAtMid; MODEL.md section 3, retention
 * curves, and section 4, the expansion ceiling). book.ts uses them per period, terminal.ts in the run-off.
 */
import { add, div, eq, gt, iff, int, le, max, min, mul, num, pow, powSafe, sub, type Ex } from '../expr';
import type { PlainContext } from './layout';

export interface SegmentCurves {
  /** sBG: probability a contract survives its r-th renewal, opportunities (r − 1)·T + 1 … r·T (churn.ts sbgRenewalSurvival). */
  sbgRenewal(r: number, pressure: Ex): Ex;
  /** sBG hazard at a renewal opportunity, scaled by the churn pressure and capped at 0.99. */
  hazardAt(opportunity: Ex, pressure: Ex): Ex;
  /** sBG: survival over the tenure span [x, x + span], cut at whole years (churn.ts sbgSpanSurvival). */
  spanSurvival(x: Ex, pressure: Ex, span?: Ex): Ex;
  /** churn.ts ceilingAtMid for this segment. */
  ceilingAtMid(arpaNow: Ex, expansion: Ex, span: Ex): Ex;
}

export function segmentCurves(c: PlainContext, i: number, dt: Ex): SegmentCurves {
  const { one, zero } = c;
  const g = (key: string) => c.G(key, i);
  const CTn = c.s.segments[i].values.contractTermYears;
  const alpha = g('sbgAlpha');
  const beta = g('sbgBeta');
  function hazardAt(opportunity: Ex, pressureEx: Ex): Ex {
    return min(num(0.99), mul(sub(one, div(sub(add(beta, opportunity), one), sub(add(add(alpha, beta), opportunity), one))), pressureEx));
  }
  function sbgRenewal(r: number, pressureEx: Ex): Ex {
    let e: Ex | undefined;
    for (let kk = (r - 1) * CTn + 1; kk <= r * CTn; kk++) {
      const f = sub(one, hazardAt(num(kk), pressureEx));
      e = e ? mul(e, f) : f;
    }
    return e!;
  }
  function spanSurvival(x: Ex, pressureEx: Ex, span: Ex = dt): Ex {
    const from = max(zero, x);
    const whole = int(add(from, num(1e-9)));
    const end = add(x, span);
    const to = min(end, add(whole, one));
    const firstPiece = powSafe(sub(one, hazardAt(add(whole, one), pressureEx)), sub(to, from));
    const rest = sub(end, to);
    return iff(gt(rest, num(1e-9)), mul(firstPiece, powSafe(sub(one, hazardAt(add(whole, num(2)), pressureEx)), rest)), firstPiece);
  }
  function ceilingAtMid(arpaNow: Ex, expansionEx: Ex, span: Ex): Ex {
    const wm = g('walletMultiple');
    const factor = (x: Ex) => iff(le(wm, one), zero, max(zero, div(sub(mul(wm, g('arpa')), x), sub(mul(wm, g('arpa')), g('arpa')))));
    const mid = mul(arpaNow, pow(mul(sub(one, g('contraction')), add(one, mul(expansionEx, factor(arpaNow)))), div(span, num(2))));
    return iff(eq(wm, zero), one, factor(mid));
  }
  return { sbgRenewal, hazardAt, spanSurvival, ceilingAtMid };
}
