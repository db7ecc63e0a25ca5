import fc from 'fast-check';
import {
  COMPONENTS, componentKey, ROLES, roleKey, yearly,
  type ComponentId, type PlanValues, type Projection, type RoleId,
} from '../../src/engine';

/** Test helpers for plans with a quota layer. */

/** A plan's values with quota keys added (plans are flat records of numbers). */
export function withQuotaKeys(plan: PlanValues, keys: Record<string, number>): PlanValues {
  return { ...plan, ...keys } as PlanValues;
}

/**
 * A one-role plan that pays exactly what `flat` pays: an account executive on variable pay only, each
 * component's target/quota equal to the flat rate (weights in proportion to the rates), linear curves
 * with a cap no one reaches, the same clawback; the flat commission rates set to 0. `scale` is the
 * largest yearly outcome the role may see: headcount is chosen so expected attainment stays below 1.
 */
export function flatEquivalent(flat: PlanValues, scale: number): PlanValues {
  const rates: [ComponentId, number][] = [['newArr', flat.commissionNew], ['renewal', flat.commissionRenewal], ['expansion', flat.commissionExpansion]];
  const total = rates.reduce((sum, [, r]) => sum + r, 0);
  const ote = 100_000;
  const keys: Record<string, number> = {
    [roleKey('ae', 'headcount')]: Math.max(1, (scale * total) / ote),
    [roleKey('ae', 'ote')]: ote,
    [roleKey('ae', 'variableShare')]: 1,
    [roleKey('ae', 'clawback')]: flat.clawback,
  };
  for (const [c, rate] of rates) {
    keys[componentKey('ae', c, 'weight')] = rate / total;
    keys[componentKey('ae', c, 'quota')] = (ote * (rate / total)) / rate;
    keys[componentKey('ae', c, 'cap')] = 100;
  }
  return withQuotaKeys({ ...flat, commissionNew: 0, commissionRenewal: 0, commissionExpansion: 0, clawback: 0 }, keys);
}

/** The largest yearly new, renewed, expansion or rescued ARR of a projection. */
export function largestYearlyOutcome(p: Projection): number {
  return Math.max(1, ...yearly(p).flatMap((y) => [y.newArr, y.renewedArr, y.expansionArr, y.rescuedArr]));
}

/** Random quota layers: 1 to 4 roles, each with 1 to 4 components whose weights add up to 1. */
export const quotaLayer: fc.Arbitrary<Record<string, number>> = fc
  .uniqueArray(fc.constantFrom(...ROLES.map((r) => r.id as RoleId)), { minLength: 1, maxLength: 4 })
  .chain((roles) => fc.tuple(...roles.map((role) => fc.record({
    role: fc.constant(role),
    headcount: fc.double({ min: 1, max: 60, noNaN: true }),
    ote: fc.double({ min: 40_000, max: 300_000, noNaN: true }),
    variableShare: fc.double({ min: 0, max: 1, noNaN: true }),
    clawback: fc.double({ min: 0, max: 1, noNaN: true }),
    components: fc.uniqueArray(fc.constantFrom(...COMPONENTS.map((c) => c.id as ComponentId)), { minLength: 1, maxLength: 4 })
      .chain((ids) => fc.tuple(...ids.map((id) => fc.record({
        id: fc.constant(id),
        raw: fc.double({ min: 0.05, max: 1, noNaN: true }),
        quota: fc.double({ min: 20_000, max: 5_000_000, noNaN: true }),
        threshold: fc.double({ min: 0, max: 1, noNaN: true }),
        decelerator: fc.double({ min: 0, max: 4, noNaN: true }),
        accelerator: fc.double({ min: 0, max: 4, noNaN: true }),
        cap: fc.double({ min: 1, max: 5, noNaN: true }),
      })))),
  }))))
  .map((roles) => {
    const keys: Record<string, number> = {};
    for (const r of roles) {
      keys[roleKey(r.role, 'headcount')] = r.headcount;
      keys[roleKey(r.role, 'ote')] = r.ote;
      keys[roleKey(r.role, 'variableShare')] = r.variableShare;
      keys[roleKey(r.role, 'clawback')] = r.clawback;
      const total = r.components.reduce((sum, c) => sum + c.raw, 0);
      for (const { id, raw, ...curve } of r.components) {
        keys[componentKey(r.role, id, 'weight')] = raw / total;
        for (const [field, v] of Object.entries(curve)) keys[componentKey(r.role, id, field)] = v;
      }
    }
    return keys;
  });
