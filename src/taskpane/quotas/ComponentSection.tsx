import * as React from 'react';
import { makeStyles, tokens } from '@fluentui/react-components';
import { componentKey, curveOf, quotaSpecsOf, type ComponentId, type RoleId } from '../../engine';
import { t } from '../../i18n';
import { AssumptionTable } from '../components/AssumptionTable';
import { layoutOf, quotaDisplayOf, quotaFieldSpec } from '../state/quota-fields';
import { planColumns } from './columns';
import { componentLabel, componentMeaning, roleLabel, type Designer } from './designer';
import { removeComponent } from './edits';
import { componentYear } from './figures';
import { FigureTable } from './FigureTable';
import { PayoutChart } from './PayoutChart';

const useStyles = makeStyles({
  section: { display: 'flex', flexDirection: 'column', gap: '8px', paddingLeft: '8px', borderLeft: `3px solid ${tokens.colorNeutralStroke2}` },
  heading: { fontSize: tokens.fontSizeBase300, fontWeight: tokens.fontWeightSemibold, margin: '4px 0 0' },
  hint: { fontSize: tokens.fontSizeBase200, color: tokens.colorNeutralForeground2, margin: 0 },
});

/**
 * One component of a role: its quota and payout-curve fields for every plan, the payout curves with the
 * attainment spread over them, and what the component pays in the year shown (quotaReport).
 */
export function ComponentSection({ d, role, component }: { d: Designer; role: RoleId; component: ComponentId }): React.ReactElement {
  const styles = useStyles();
  const { lang, fmt, year } = d;
  const roleName = roleLabel(role, lang);
  const name = componentLabel(component, lang);
  const specs = React.useMemo(() => quotaSpecsOf('component').map((s) => quotaFieldSpec(componentKey(role, component, s.key))!), [role, component]);
  const columns = planColumns(d, (row) => {
    const components = layoutOf(row.values).get(role) ?? [];
    // The last component of a role stays: remove the role instead.
    if (!components.includes(component) || components.length < 2) return undefined;
    return { label: t(lang, 'quotas.removeComponent', { component: name, plan: row.name }), edit: removeComponent(row, role, component) };
  });
  const yearText = t(lang, 'yearN', { n: year });
  const cells = d.sides.map((s) => componentYear(s, role, component, year));
  const id = `${role}-${component}`;
  const plans = d.sides.map((s, i) => {
    const values = s.roles.find((r) => r.id === role)?.components[component];
    return { name: s.name, kind: s.side, curve: values && curveOf(values), mean: cells[i]?.expectedAttainment };
  });
  return (
    <section className={styles.section} aria-labelledby={`quota-${id}-h`} data-testid={`quota-component-${id}`}>
      <h3 id={`quota-${id}-h`} className={styles.heading}>{name}</h3>
      <p className={styles.hint}>{componentMeaning(component, lang)}</p>
      <AssumptionTable caption={t(lang, 'quotas.componentTable', { role: roleName, component: name })} specs={specs} columns={columns}
        nameLabel={t(lang, 'planName')} ariaPrefix={`${roleName} · ${name}: `} absentText={t(lang, 'quotas.notInPlan')} testId={`quota-fields-${id}`}
        displayOf={quotaDisplayOf} />
      <PayoutChart testId={`quota-chart-${id}`} plans={plans} cv={d.cv} fmt={fmt}
        title={t(lang, 'quotas.curveTitle', { role: roleName, component: name })}
        description={t(lang, 'quotas.curveDescription', { year: yearText, cv: fmt.number(d.cv, 2) })}
        texts={{
          attainment: t(lang, 'quotas.attainment'), quota: t(lang, 'quotas.quotaMark'), tableLabel: t(lang, 'dataTable'),
          payoutOf: (plan) => t(lang, 'quotas.payoutOf', { plan }), repsOf: (plan) => t(lang, 'quotas.repsOf', { plan }),
        }} />
      <FigureTable caption={t(lang, 'quotas.figuresTable', { role: roleName, component: name, year: yearText })} corner={t(lang, 'quotas.figure')}
        columns={d.sides.map((s) => s.name)} absent={t(lang, 'quotas.notPaid')} testId={`quota-figures-${id}`}
        rows={[
          { label: t(lang, 'quotas.expectedAttainment'), values: cells.map((c) => c && fmt.percent(c.expectedAttainment, 1)), testIds: d.sides.map((s) => `qf-${s.side}-${id}-attainment`) },
          { label: t(lang, 'quotas.expectedPayout'), values: cells.map((c) => c && fmt.percent(c.payoutShare, 1)), testIds: d.sides.map((s) => `qf-${s.side}-${id}-payoutShare`) },
          { label: t(lang, 'quotas.payout'), values: cells.map((c) => c && fmt.money(c.payout)), testIds: d.sides.map((s) => `qf-${s.side}-${id}-payout`) },
          { label: t(lang, 'quotas.atQuota'), values: cells.map((c) => c && fmt.percent(c.atOrAboveQuota, 1)), testIds: d.sides.map((s) => `qf-${s.side}-${id}-atQuota`) },
        ]} />
    </section>
  );
}
