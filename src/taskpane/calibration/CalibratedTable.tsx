import * as React from 'react';
import { makeStyles, tokens } from '@fluentui/react-components';
import {
  CALIBRATED_KEYS, findSpec, UNIT_OF_N, type Calibration, type CalibratedKey, type Language, type Scenario,
} from '../../engine';
import type { Formats } from '../../i18n';
import { c } from './texts';

const useStyles = makeStyles({
  table: { borderCollapse: 'collapse', fontSize: tokens.fontSizeBase200, width: '100%', marginBottom: '8px',
    '& th, & td': { padding: '2px 4px', textAlign: 'right' }, '& th:first-child, & td:first-child': { textAlign: 'left' } },
  caption: { textAlign: 'left', fontWeight: tokens.fontWeightSemibold },
});

/** A value in its catalogue unit: rates and shares as percentages, money in the currency, the rest as numbers. */
function shown(key: CalibratedKey, v: number, fmt: Formats): string {
  if (!Number.isFinite(v)) return '—';
  const unit = findSpec(key)!.unit;
  if (unit === 'rate' || unit === 'share') return fmt.percent(v, 1);
  if (unit === 'currency') return fmt.money(v);
  return fmt.number(v, unit === 'count' ? 0 : 3);
}

const N_UNIT = { customers: 'customersUnit', customerPeriods: 'customerPeriods', accounts: 'accounts' } as const;

/** Per segment: current value, calibrated value ± standard error, and the data behind it. */
export function CalibratedTable({ calibration, scenario, lang, fmt }: { calibration: Calibration; scenario: Scenario; lang: Language; fmt: Formats }): React.ReactElement {
  const styles = useStyles();
  return (
    <div data-testid="ledger-calibrated">
      {calibration.segments.map((s) => {
        const current = scenario.segments.find((g) => g.name === s.name);
        return (
          <table className={styles.table} key={s.name} data-segment={s.name}>
            <caption className={styles.caption}>{s.name}{current ? '' : ` ${c(lang, 'notInScenario')}`}</caption>
            <thead>
              <tr><th /><th>{c(lang, 'current')}</th><th>{c(lang, 'calibrated')}</th><th>{c(lang, 'standardError')}</th><th>{c(lang, 'dataSize')}</th></tr>
            </thead>
            <tbody>
              {CALIBRATED_KEYS.map((key) => {
                const v = s.values[key];
                return (
                  <tr key={key} data-key={key}>
                    <td>{findSpec(key)!.label[lang]}</td>
                    <td>{current ? shown(key, current.values[key], fmt) : ''}</td>
                    <td data-testid={`calibrated-${s.name}-${key}`}>{shown(key, v.value, fmt)}</td>
                    <td>{Number.isFinite(v.se) ? shown(key, v.se, fmt) : ''}</td>
                    <td>{`${fmt.number(v.n, 0)} ${c(lang, N_UNIT[UNIT_OF_N[key]])}`}</td>
                  </tr>
                );
              })}
            </tbody>
          </table>
        );
      })}
    </div>
  );
}
