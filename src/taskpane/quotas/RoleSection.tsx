import * as React from 'react';
import { Button, Field, Select, makeStyles, tokens } from '@fluentui/react-components';
import { Add16Regular } from '@fluentui/react-icons';
import { COMPONENTS, quotaSpecsOf, roleKey, type ComponentId, type RoleId } from '../../engine';
import { t } from '../../i18n';
import { AssumptionTable } from '../components/AssumptionTable';
import { layoutOf, quotaFieldSpec } from '../state/quota-fields';
import { planColumns } from './columns';
import { ComponentSection } from './ComponentSection';
import { componentLabel, roleLabel, roleMeaning, type Designer } from './designer';
import { addComponent, addRole, missingComponents, removeRole, scaleWeights, weightSum } from './edits';
import { roleYear } from './figures';
import { FigureTable } from './FigureTable';

const useStyles = makeStyles({
  section: { display: 'flex', flexDirection: 'column', gap: '10px', paddingTop: '8px', borderTop: `1px solid ${tokens.colorNeutralStroke2}` },
  heading: { fontSize: tokens.fontSizeBase400, fontWeight: tokens.fontWeightSemibold, margin: 0 },
  hint: { fontSize: tokens.fontSizeBase200, color: tokens.colorNeutralForeground2, margin: 0 },
  row: { display: 'flex', gap: '8px', flexWrap: 'wrap', alignItems: 'flex-end' },
  sums: { margin: 0, padding: 0, listStyle: 'none', display: 'flex', flexDirection: 'column', gap: '4px', fontSize: tokens.fontSizeBase200 },
  sum: { display: 'flex', gap: '8px', alignItems: 'center', flexWrap: 'wrap' },
  off: { color: tokens.colorPaletteRedForeground1, fontWeight: tokens.fontWeightSemibold },
});

/** One role: its people and pay per plan, the sum of its weights, each component, adding components, and its pay in the year shown. */
export function RoleSection({ d, role }: { d: Designer; role: RoleId }): React.ReactElement {
  const styles = useStyles();
  const { lang, fmt, locale, year, dispatch } = d;
  const name = roleLabel(role, lang);
  const specs = React.useMemo(() => quotaSpecsOf('role').map((s) => quotaFieldSpec(roleKey(role, s.key))!), [role]);
  const layouts = d.rows.map((r) => layoutOf(r.values).get(role));
  const having = d.rows.filter((_, i) => layouts[i]);
  const components = COMPONENTS.map((c) => c.id as ComponentId).filter((c) => layouts.some((l) => l?.includes(c)));
  const columns = planColumns(d, (row) =>
    layoutOf(row.values).has(role) ? { label: t(lang, 'quotas.removeRole', { role: name, plan: row.name }), edit: removeRole(row, role) } : undefined);
  const yearText = t(lang, 'yearN', { n: year });
  const years = d.sides.map((s) => roleYear(s, role, year));
  return (
    <section className={styles.section} aria-labelledby={`quota-${role}-h`} data-testid={`quota-role-${role}`}>
      <h2 id={`quota-${role}-h`} className={styles.heading}>{name}</h2>
      <p className={styles.hint}>{roleMeaning(role, lang)}</p>
      {having.length < d.rows.length && (
        <div className={styles.row}>
          {d.rows.map((row, i) => (layouts[i] ? null : (
            <Button key={row.id} size="small" icon={<Add16Regular />} data-testid={`quota-add-${role}-${row.id}`}
              onClick={() => dispatch(addRole(row, role, locale, having[0], d.yearsOf(i)[0]))}>{t(lang, 'quotas.addTo', { plan: row.name })}</Button>
          )))}
        </div>
      )}
      <AssumptionTable caption={t(lang, 'quotas.roleTable', { role: name })} specs={specs} columns={columns} nameLabel={t(lang, 'planName')}
        ariaPrefix={`${name}: `} absentText={t(lang, 'quotas.notInPlan')} testId={`quota-fields-${role}`} />
      <WeightSums d={d} role={role} />
      {components.map((c) => <ComponentSection key={c} d={d} role={role} component={c} />)}
      <AddComponent d={d} role={role} />
      <FigureTable caption={t(lang, 'quotas.roleFigures', { role: name, year: yearText })} corner={t(lang, 'quotas.figure')}
        columns={d.sides.map((s) => s.name)} absent={t(lang, 'quotas.notPaid')} testId={`quota-role-figures-${role}`}
        rows={[
          { label: t(lang, 'quotas.payout'), values: years.map((y) => y && fmt.money(y.payout)), testIds: d.sides.map((s) => `qf-${s.side}-${role}-payout`) },
          { label: t(lang, 'quotas.clawback'), values: years.map((y) => y && fmt.money(y.clawback)), testIds: d.sides.map((s) => `qf-${s.side}-${role}-clawback`) },
          { label: t(lang, 'quotas.roleCost'), values: years.map((y) => y && fmt.money(y.variablePay)), testIds: d.sides.map((s) => `qf-${s.side}-${role}-cost`) },
          { label: t(lang, 'quotas.roleCostShare'), values: years.map((y) => y && fmt.percent(y.variablePayShareOfRevenue, 2)), testIds: d.sides.map((s) => `qf-${s.side}-${role}-costShare`) },
          { label: t(lang, 'quotas.basePay'), values: years.map((y) => y && fmt.money(y.basePay)), testIds: d.sides.map((s) => `qf-${s.side}-${role}-basePay`) },
        ]} />
    </section>
  );
}

/** Per plan that has the role: what its weights add up to as typed, marked (with a fix) when it is not 100 %. */
function WeightSums({ d, role }: { d: Designer; role: RoleId }): React.ReactElement {
  const styles = useStyles();
  const { lang, fmt, locale, dispatch } = d;
  return (
    <ul className={styles.sums} aria-label={`${roleLabel(role, lang)}: ${t(lang, 'quotas.weightSum')}`}>
      {d.rows.map((row) => {
        if (!layoutOf(row.values).has(role)) return null;
        const sum = weightSum(row, role, locale);
        const shown = Number.isFinite(sum) ? fmt.percent(sum, 2, 0) : '–';
        const off = !(Math.abs(sum - 1) <= 1e-9);
        const fix = off ? scaleWeights(row, role, locale) : undefined;
        return (
          <li key={row.id} className={styles.sum} data-testid={`quota-weights-${role}-${row.id}`} data-off={off}>
            <span>{t(lang, 'quotas.weightSum')} ({row.name}):</span>
            <span className={off ? styles.off : undefined}>{off ? t(lang, 'quotas.weightSumOff', { sum: shown }) : shown}</span>
            {fix && <Button size="small" onClick={() => dispatch(fix)}>{t(lang, 'quotas.scaleWeights', { plan: row.name })}</Button>}
          </li>
        );
      })}
    </ul>
  );
}

/** Adds a component to the role in one plan (copied from another plan that pays the role on it, else catalogue defaults). */
function AddComponent({ d, role }: { d: Designer; role: RoleId }): React.ReactElement | null {
  const styles = useStyles();
  const { lang, locale, dispatch } = d;
  const options = COMPONENTS.map((c) => c.id as ComponentId).filter((c) => d.rows.some((r) => layoutOf(r.values).has(role) && missingComponents(r, role).includes(c)));
  const [picked, setPicked] = React.useState<ComponentId>();
  const component = picked && options.includes(picked) ? picked : options[0];
  const targets = d.rows.map((r, i) => ({ r, i })).filter(({ r }) => layoutOf(r.values).has(role) && component && missingComponents(r, role).includes(component));
  const [target, setTarget] = React.useState<string>();
  const chosen = targets.find((x) => x.r.id === target) ?? targets[targets.length - 1];
  if (!component || !chosen) return null;
  const source = d.rows.find((r) => layoutOf(r.values).get(role)?.includes(component));
  return (
    <div className={styles.row}>
      <Field label={t(lang, 'quotas.component')} size="small">
        <Select size="small" value={component} onChange={(_, v) => setPicked(v.value as ComponentId)} data-testid={`quota-add-component-${role}`}>
          {options.map((c) => <option key={c} value={c}>{componentLabel(c, lang)}</option>)}
        </Select>
      </Field>
      <Field label={t(lang, 'quotas.plan')} size="small">
        <Select size="small" value={chosen.r.id} onChange={(_, v) => setTarget(v.value)} data-testid={`quota-add-component-plan-${role}`}>
          {targets.map(({ r }) => <option key={r.id} value={r.id}>{r.name}</option>)}
        </Select>
      </Field>
      <Button size="small" icon={<Add16Regular />} data-testid={`quota-add-component-go-${role}`}
        onClick={() => dispatch(addComponent(chosen.r, role, component, locale, source, d.yearsOf(chosen.i)[0]))}>{t(lang, 'quotas.addComponent')}</Button>
    </div>
  );
}
