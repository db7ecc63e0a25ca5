/**
 * Formulas several blocks of the plain sheet share, each the sheet's copy of one engine function:
 * unresolvedOf ↔ src/engine/model/behaviour.ts unresolvedShare; serviceChurnOf ↔ behaviour.ts
 * serviceChurn; union, unresolvedDetractors ↔ project.ts detractorUnion, unresolvedDetractors (MODEL.md
 * section 5); churnRateOf, retentionOf ↔ project.ts annualChurnRate, setRetentionRates (section 6).
 */
import { add, div, eq, gt, iff, max, min, mul, num, pow, powSafe, sub, type Ex } from '../expr';
import type { PlainContext } from './layout';

/** Share of contacts left unresolved for a resolving share and service effort level (behaviour.ts unresolvedShare). */
export function unresolvedOf(c: PlainContext, resolve: Ex, level: Ex, p: number): Ex {
  const { B, PL, one } = c;
  const own = min(num(0.99), mul(B('resolutionRate'), powSafe(div(mul(resolve, level), B('resolveEffortShare')), B('elasticityResolution'))));
  const human = add(own, mul(PL('agentAssist', p), sub(one, own)));
  return add(mul(sub(one, PL('automationShare', p)), sub(one, human)), mul(PL('automationShare', p), sub(one, B('automationResolution'))));
}

/** Churn from unresolved contacts as a probability: 1 − (1 − u·p·(1 − save))^contacts. */
export function serviceChurnOf(c: PlainContext, contacts: Ex, unresolved: Ex): Ex {
  const { B, one } = c;
  return sub(one, powSafe(sub(one, mul(mul(unresolved, B('pChurnIfUnresolved')), sub(one, B('saveRate')))), contacts));
}

/** The union of three independent shares. */
export function union(c: PlainContext, a: Ex, b: Ex, c2: Ex): Ex {
  const { one } = c;
  return sub(one, mul(mul(sub(one, a), sub(one, b)), sub(one, c2)));
}

export function unresolvedDetractors(c: PlainContext, contacts: Ex, unresolved: Ex): Ex {
  const { B, one } = c;
  return sub(one, powSafe(sub(one, min(one, mul(unresolved, B('pDetractorIfUnresolved')))), contacts));
}

export function churnRateOf(c: PlainContext, churned: Ex, begin: Ex): Ex {
  const { S, one, zero } = c;
  return iff(gt(begin, zero), iff(eq(S('periodsPerYear'), one), div(churned, begin), sub(one, pow(sub(one, div(churned, begin)), S('periodsPerYear')))), zero);
}

/** Net and gross revenue retention, annualised. */
export function retentionOf(c: PlainContext, arrBegin: Ex, expansion: Ex, contraction: Ex, churned: Ex): [Ex, Ex] {
  const { S, one, zero } = c;
  const net = max(zero, div(sub(sub(add(arrBegin, expansion), contraction), churned), arrBegin));
  const gross = max(zero, div(sub(sub(arrBegin, contraction), churned), arrBegin));
  const annual = (x: Ex) => iff(gt(arrBegin, zero), iff(eq(S('periodsPerYear'), one), x, pow(x, S('periodsPerYear'))), zero);
  return [annual(net), annual(gross)];
}
