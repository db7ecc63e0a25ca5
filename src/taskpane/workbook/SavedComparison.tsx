import * as React from 'react';
import { Table, TableBody, TableCell, TableHeader, TableHeaderCell, TableRow } from '@fluentui/react-components';
import type { Language } from '../../engine';
import { breakevenYear, type ScenarioSummaryRow } from '../../workbook';
import { ComparisonChart } from './ComparisonChart';
import { T } from './texts';

const fmt = (lang: Language) => new Intl.NumberFormat(lang === 'es' ? 'es-ES' : 'en-US', { maximumFractionDigits: 0 });

/** Saved scenarios side by side: a table of the headline changes and a chart of ARR by year. */
export function SavedComparison({ lang, rows }: { lang: Language; rows: readonly ScenarioSummaryRow[] }): React.ReactElement {
  const number = fmt(lang);
  return (
    <>
      <Table size="small" aria-label={T.comparison[lang]}>
        <TableHeader>
          <TableRow>
            {(['name', 'ce', 'npv', 'tenure', 'breakeven', 'comp'] as const).map((k) => <TableHeaderCell key={k}>{T[k][lang]}</TableHeaderCell>)}
          </TableRow>
        </TableHeader>
        <TableBody>
          {rows.map((r) => (
            <TableRow key={r.name}>
              <TableCell>{r.name}</TableCell>
              <TableCell>{number.format(r.customerEquityDelta)}</TableCell>
              <TableCell>{number.format(r.npvDelta)}</TableCell>
              <TableCell>{number.format(r.tenureNpvDelta)}</TableCell>
              <TableCell>{breakevenYear(r) ?? T.never[lang]}</TableCell>
              <TableCell>{number.format(r.year1CompCostDelta)}</TableCell>
            </TableRow>
          ))}
        </TableBody>
      </Table>
      <ComparisonChart rows={rows} title={T.chart[lang]} lang={lang} />
    </>
  );
}
