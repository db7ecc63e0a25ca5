import * as React from 'react';
import { makeStyles, tokens } from '@fluentui/react-components';
import { ROLES, type RoleId } from '../../engine';
import { t } from '../../i18n';
import { BarChart } from '../charts';
import { roleLabel, type Designer } from './designer';
import { costYear, roleYear } from './figures';
import { FigureTable } from './FigureTable';
import { TargetCostTable } from './TargetCostTable';

const useStyles = makeStyles({
  section: { display: 'flex', flexDirection: 'column', gap: '10px', paddingTop: '8px', borderTop: `1px solid ${tokens.colorNeutralStroke2}` },
});

/** Comp cost per role in the year shown (baseline and proposed side by side), and the plans' comp cost and its share of revenue per year. */
export function CostSection({ d }: { d: Designer }): React.ReactElement {
  const styles = useStyles();
  const { lang, fmt, year } = d;
  const roles = ROLES.map((r) => r.id as RoleId).filter((r) => d.sides.some((s) => s.roles.some((x) => x.id === r)));
  const yearText = t(lang, 'yearN', { n: year });
  const years = d.sides[0]?.years.map((y) => y.year) ?? [];
  return (
    <section className={styles.section} data-testid="quota-costs">
      {roles.length > 0 && (
        <BarChart testId="quota-cost-chart" title={t(lang, 'quotas.costByRole', { year: yearText })} categories={roles.map((r) => roleLabel(r, lang))}
          categoryHeader={t(lang, 'quotas.role')} format={fmt.money} axisFormat={fmt.moneyShort} tableLabel={t(lang, 'dataTable')}
          series={d.sides.map((s) => ({ name: s.name, kind: s.side, values: roles.map((r) => roleYear(s, r, year)?.variablePay ?? NaN) }))} />
      )}
      <TargetCostTable d={d} />
      <FigureTable caption={t(lang, 'quotas.costByYear')} corner={t(lang, 'year')} absent="" testId="quota-cost-years" nowrapLabels
        columns={d.sides.flatMap((s) => [t(lang, 'quotas.compCost', { plan: s.name }), t(lang, 'quotas.costShare', { plan: s.name })])}
        rows={years.map((y) => ({
          label: t(lang, 'yearN', { n: y }),
          values: d.sides.flatMap((s) => {
            const c = costYear(s, y);
            return [fmt.money(c.compCost), fmt.percent(c.share, 2)];
          }),
          testIds: d.sides.flatMap((s) => [`qf-${s.side}-cost-${y}`, `qf-${s.side}-costShare-${y}`]),
        }))} />
    </section>
  );
}
