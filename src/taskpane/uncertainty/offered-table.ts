/**
 * The table the Uncertainty tab would hold once it takes an offer of fitted rows ("Use as baseline",
 * calibration/handoff.ts): its default table with the offered rows imported and their rank
 * correlations in the matrix. The Summary's "how sure" runs it while the offer waits for the tab, so
 * a user who fits their data and goes straight to the Summary sees their data's uncertainty, and the
 * same figures once the tab has opened and taken it.
 */
import type { Language, Scenario } from '../../engine';
import type { UncertaintyOffer } from '../calibration/handoff';
import { emptyCorrelation, evaluateCorrelation, withPairs } from './correlation-draft';
import type { SharedTable } from './shared-table';
import { defaultTable, evaluateTable, reduceTable } from './table';

export function offeredTable(offer: UncertaintyOffer, scenario: Scenario, locale: string, lang: Language): SharedTable | undefined {
  const draft = reduceTable(defaultTable(scenario, locale), { type: 'import', rows: offer.rows });
  const rows = evaluateTable(draft, scenario, lang).rows;
  if (!rows) return undefined;
  const correlation = evaluateCorrelation(withPairs(emptyCorrelation(), offer.pairs, locale), rows, locale);
  return { rows, ...(correlation.correlation ? { correlation: correlation.correlation } : {}), stale: false };
}
