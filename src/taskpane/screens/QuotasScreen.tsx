import * as React from 'react';
import { Button, Field, MessageBar, MessageBarBody, Select, makeStyles, tokens } from '@fluentui/react-components';
import { Add16Regular } from '@fluentui/react-icons';
import { ROLES, type RoleId } from '../../engine';
import { t } from '../../i18n';
import { ResultHeader } from '../components/ResultHeader';
import { layoutOf } from '../state/quota-fields';
import { useStudio } from '../studio';
import { CostSection } from '../quotas/CostSection';
import { makeYearsOf, roleLabel, type Designer } from '../quotas/designer';
import { addRole, flatEquivalent, hasRoles, paysFlat } from '../quotas/edits';
import { planSides } from '../quotas/figures';
import { RoleSection } from '../quotas/RoleSection';
import { FlatChoice, withFlatMode, type FlatMode } from '../quotas/FlatChoice';

const useStyles = makeStyles({
  screen: { display: 'flex', flexDirection: 'column', gap: '12px' },
  hint: { fontSize: tokens.fontSizeBase200, color: tokens.colorNeutralForeground2, margin: 0 },
  row: { display: 'flex', gap: '8px', flexWrap: 'wrap', alignItems: 'flex-end' },
  box: { display: 'flex', flexDirection: 'column', gap: '6px' },
  heading: { fontSize: tokens.fontSizeBase300, fontWeight: tokens.fontWeightSemibold, margin: 0 },
  list: { margin: '4px 0 0', paddingLeft: '18px' },
});

/**
 * The quota plan designer (MODEL.md section 8, docs/quotas.md): roles, components, weights, quotas and
 * payout curves of the baseline and every proposed plan side by side, edited in the same draft as the
 * Scenario screen (so Results and Summary follow), with each component's payout curve and attainment
 * spread and what each role costs, read from quotaReport of the last valid results.
 */
export default function QuotasScreen(): React.ReactElement {
  const styles = useStyles();
  const { lang, locale, fmt, draft, dispatch, evaluation, computed, stale, computeError, planIndex } = useStudio();
  const rows = React.useMemo(() => [draft.baseline, ...draft.proposed], [draft.baseline, draft.proposed]);
  const sides = React.useMemo(() => (computed ? planSides(computed, planIndex) : []), [computed, planIndex]);
  const horizon = sides[0]?.years.length ?? 1;
  const [picked, setYear] = React.useState(1);
  const year = Math.min(picked, horizon);
  const d: Designer = {
    lang, locale, fmt, dispatch, rows, sides, year,
    cv: computed?.scenario.behaviour.attainmentCV ?? 0,
    scaled: !stale && computed?.factors ? computed : undefined,
    yearsOf: makeYearsOf(computed),
  };
  const roles = ROLES.map((r) => r.id as RoleId).filter((r) => rows.some((row) => layoutOf(row.values).has(r)));
  const messages = computeError ? [computeError] : evaluation.messages;
  return (
    <div className={styles.screen} data-testid="quotas">
      <ResultHeader />
      <p className={styles.hint}>{t(lang, 'quotas.intro')}</p>
      {stale && messages.length > 0 && (
        <MessageBar intent="warning" data-testid="quota-problems">
          <MessageBarBody>
            {t(lang, 'invalidInputs', { count: messages.length })}
            <ul className={styles.list}>{messages.slice(0, 5).map((m) => <li key={m}>{m}</li>)}</ul>
          </MessageBarBody>
        </MessageBar>
      )}
      {roles.length === 0 && <MessageBar intent="info" data-testid="quota-none"><MessageBarBody>{t(lang, 'quotas.none')}</MessageBarBody></MessageBar>}
      <div className={styles.row}>
        <AddRole d={d} />
        {horizon > 1 && (
          <Field label={t(lang, 'quotas.year')} size="small">
            <Select size="small" value={String(year)} onChange={(_, v) => setYear(Number(v.value))} data-testid="quota-year">
              {Array.from({ length: horizon }, (_, i) => <option key={i} value={String(i + 1)}>{t(lang, 'yearN', { n: i + 1 })}</option>)}
            </Select>
          </Field>
        )}
      </div>
      <p className={styles.hint}>{t(lang, 'quotas.addRoleHint')}</p>
      <FlatStart d={d} />
      {roles.map((r) => <RoleSection key={r} d={d} role={r} />)}
      {sides.length > 0 && <CostSection d={d} />}
    </div>
  );
}

/** Adds a role (ROLES) to one plan: copied from a plan that has it, else new with quotas at this year's outcomes. */
function AddRole({ d }: { d: Designer }): React.ReactElement {
  const styles = useStyles();
  const { lang, locale, rows, dispatch } = d;
  const [role, setRole] = React.useState<RoleId>(ROLES[0].id);
  const targets = rows.map((r, i) => ({ r, i })).filter(({ r }) => !layoutOf(r.values).has(role));
  const [target, setTarget] = React.useState<string>();
  // The proposed plan is what one usually redesigns: it is the default target.
  const chosen = targets.find((x) => x.r.id === target) ?? targets[targets.length - 1];
  const source = rows.find((r) => layoutOf(r.values).has(role));
  const [mode, setMode] = React.useState<FlatMode>('replace');
  const flat = chosen !== undefined && paysFlat(chosen.r, locale);
  return (
    <>
    <div className={styles.row} role="group" aria-label={t(lang, 'quotas.addRoleTitle')}>
      <Field label={t(lang, 'quotas.role')} size="small">
        <Select size="small" value={role} onChange={(_, v) => setRole(v.value as RoleId)} data-testid="quota-add-role">
          {ROLES.map((r) => <option key={r.id} value={r.id}>{roleLabel(r.id, lang)}</option>)}
        </Select>
      </Field>
      <Field label={t(lang, 'quotas.plan')} size="small">
        <Select size="small" value={chosen?.r.id ?? ''} disabled={!chosen} onChange={(_, v) => setTarget(v.value)} data-testid="quota-add-role-plan">
          {targets.map(({ r }) => <option key={r.id} value={r.id}>{r.name}</option>)}
        </Select>
      </Field>
      <Button size="small" icon={<Add16Regular />} disabled={!chosen} data-testid="quota-add-role-go"
        onClick={() => {
          if (!chosen) return;
          const edit = addRole(chosen.r, role, locale, source, d.yearsOf(chosen.i)[0]);
          dispatch(flat ? withFlatMode(edit, chosen.r, mode) : edit);
          setMode('replace'); // each addition asks afresh, replacing by default
        }}>{t(lang, 'quotas.addRole')}</Button>
    </div>
    {flat && <FlatChoice plan={chosen.r.name} mode={mode} onMode={setMode} lang={lang} />}
    </>
  );
}

/** For each plan without roles: move its flat commissions onto one equivalent role (edits.ts flatEquivalent). */
function FlatStart({ d }: { d: Designer }): React.ReactElement | null {
  const styles = useStyles();
  const { lang, locale, rows, dispatch } = d;
  const flat = rows.map((r, i) => ({ r, i })).filter(({ r }) => !hasRoles(r) && paysFlat(r, locale));
  if (flat.length === 0) return null;
  return (
    <div className={styles.box}>
      <h2 className={styles.heading}>{t(lang, 'quotas.fromFlatTitle')}</h2>
      <p className={styles.hint}>{t(lang, 'quotas.fromFlatHint')}</p>
      <div className={styles.row}>
        {flat.map(({ r, i }) => (
          <Button key={r.id} size="small" data-testid={`quota-from-flat-${r.id}`} onClick={() => {
            const edit = flatEquivalent(r, d.yearsOf(i), locale);
            if (edit) dispatch(edit);
          }}>{t(lang, 'quotas.fromFlat', { plan: r.name })}</Button>
        ))}
      </div>
    </div>
  );
}
