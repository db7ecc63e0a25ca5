import * as React from 'react';
import { Button, Field, Input, MessageBar, MessageBarBody, Select, makeStyles, tokens } from '@fluentui/react-components';
import { Add16Regular, ArrowUndo16Regular, Dismiss16Regular } from '@fluentui/react-icons';
import {
  DISTRIBUTION_KINDS, DISTRIBUTION_PARAMETERS, findSpec, UNCERTAIN_KEYS, type AssumptionSpec, type Language, type Scenario,
} from '../../engine';
import { formats, rangeText, t, unitSuffix } from '../../i18n';
import { DistributionPreview } from './DistributionPreview';
import { rowLabel, rowPath, variableKeys, type ParamName, type RowDraft, type TableAction, type TableDraft, type TableEvaluation } from './table';
import { u } from './texts';

const useStyles = makeStyles({
  section: { display: 'flex', flexDirection: 'column', gap: '8px' },
  heading: { fontSize: tokens.fontSizeBase400, fontWeight: tokens.fontWeightSemibold, margin: 0 },
  hint: { fontSize: tokens.fontSizeBase200, color: tokens.colorNeutralForeground2, margin: 0 },
  rows: { listStyle: 'none', margin: 0, padding: 0, display: 'flex', flexDirection: 'column', gap: '8px' },
  row: {
    border: `1px solid ${tokens.colorNeutralStroke2}`, borderRadius: tokens.borderRadiusMedium, padding: '6px 8px 8px', margin: 0,
    display: 'flex', flexDirection: 'column', gap: '6px', minWidth: 0,
  },
  legend: { display: 'flex', alignItems: 'center', justifyContent: 'space-between', width: '100%', gap: '6px' },
  legendText: { fontWeight: tokens.fontWeightSemibold, fontSize: tokens.fontSizeBase300, padding: '0 4px' },
  pair: { display: 'grid', gridTemplateColumns: 'repeat(auto-fit, minmax(130px, 1fr))', gap: '6px', '& > *': { minWidth: 0 } },
  kind: { display: 'flex', alignItems: 'flex-end', gap: '8px' },
  kindField: { flexGrow: 1, minWidth: 0 },
  params: { display: 'grid', gridTemplateColumns: 'repeat(3, minmax(0, 1fr))', gap: '6px' },
  input: { width: '100%', minWidth: 0 },
  inner: { width: '100%', minWidth: 0 },
  unit: { color: tokens.colorNeutralForeground2, fontSize: tokens.fontSizeBase200 },
  actions: { display: 'flex', gap: '8px', flexWrap: 'wrap' },
});

export interface UncertaintyEditorProps {
  table: TableDraft;
  evaluation: TableEvaluation;
  dispatch: React.Dispatch<TableAction>;
  scenario: Scenario;
  lang: Language;
  currency: string;
}

/** The uncertainty table: one bordered group per row (assumption, segment, distribution and its parameters, shape). */
export function UncertaintyEditor(p: UncertaintyEditorProps): React.ReactElement {
  const styles = useStyles();
  const keys = React.useMemo(() => variableKeys(p.scenario), [p.scenario]);
  const used = new Set(p.table.rows.map((r) => r.key));
  // A new row takes the first poorly known assumption not in the table yet.
  const nextKey = [...UNCERTAIN_KEYS, ...keys.map((k) => k.key)].find((k) => !used.has(k) && keys.some((s) => s.key === k)) ?? keys[0]?.key;
  const tableError = p.evaluation.fieldErrors.get('table');
  return (
    <section className={styles.section} aria-labelledby="uncertainty-table-heading" data-testid="uncertainty-table">
      <h2 id="uncertainty-table-heading" className={styles.heading}>{u(p.lang, 'tableTitle')}</h2>
      <p className={styles.hint}>{u(p.lang, 'tableHint')}</p>
      {p.table.rows.length === 0 && <MessageBar intent="info"><MessageBarBody>{u(p.lang, 'emptyTable')}</MessageBarBody></MessageBar>}
      <ul className={styles.rows} data-testid="uncertainty-rows">
        {p.table.rows.map((r, i) => (
          <li key={r.id}>
            <RowEditor row={r} index={i} keys={keys} {...p} />
          </li>
        ))}
      </ul>
      {tableError && <MessageBar intent="error"><MessageBarBody>{tableError}</MessageBarBody></MessageBar>}
      <div className={styles.actions}>
        <Button icon={<Add16Regular />} disabled={!nextKey} data-testid="uncertainty-add"
          onClick={() => nextKey && p.dispatch({ type: 'add', key: nextKey, scenario: p.scenario })}>{u(p.lang, 'addRow')}</Button>
        <Button appearance="subtle" icon={<ArrowUndo16Regular />} onClick={() => p.dispatch({ type: 'reset', scenario: p.scenario })}>{u(p.lang, 'restoreDefaults')}</Button>
      </div>
    </section>
  );
}

const SCOPES = ['behaviour', 'segment', 'scenario'] as const;
const SCOPE_LABEL: Record<(typeof SCOPES)[number], { en: string; es: string }> = {
  behaviour: { en: 'How people respond', es: 'Cómo responden las personas' },
  segment: { en: 'Customer segments', es: 'Segmentos de clientes' },
  scenario: { en: 'Settings', es: 'Parámetros' },
};

function RowEditor(p: UncertaintyEditorProps & { row: RowDraft; index: number; keys: AssumptionSpec[] }): React.ReactElement {
  const styles = useStyles();
  const { row: r, lang, dispatch } = p;
  const spec = findSpec(r.key);
  const label = rowLabel(r, lang);
  const error = (field: ParamName | 'key' | 'segment') => p.evaluation.fieldErrors.get(rowPath(r.id, field));
  const unit = spec ? unitSuffix(spec, lang, formats(p.table.locale, p.currency).currencySymbol()) : '';
  const options = p.keys.some((k) => k.key === r.key) || !spec ? p.keys : [...p.keys, spec];
  const legendId = `${r.id}-legend`;
  return (
    <fieldset className={styles.row} aria-labelledby={legendId} data-testid={`uncertainty-row-${p.index}`} data-key={r.key}>
      <legend className={styles.legend}>
        <span id={legendId} className={styles.legendText}>{label}</span>
      </legend>
      <div className={styles.pair}>
        <Field label={u(lang, 'assumption')} validationState={error('key') ? 'error' : 'none'} validationMessage={error('key')}
          hint={spec ? t(lang, 'range', { range: rangeText(spec, lang, p.table.locale, p.currency) }) : undefined}>
          <Select value={r.key} data-path={rowPath(r.id, 'key')} onChange={(_, d) => dispatch({ type: 'key', id: r.id, key: d.value, scenario: p.scenario })}>
            {SCOPES.map((scope) => {
              const list = options.filter((k) => k.scope === scope);
              return list.length ? (
                <optgroup key={scope} label={SCOPE_LABEL[scope][lang]}>
                  {list.map((k) => <option key={k.key} value={k.key}>{k.label[lang]}</option>)}
                </optgroup>
              ) : null;
            })}
          </Select>
        </Field>
        {spec?.scope === 'segment' && (
          <Field label={u(lang, 'segment')} validationState={error('segment') ? 'error' : 'none'} validationMessage={error('segment')}>
            <Select value={r.segment} data-path={rowPath(r.id, 'segment')} onChange={(_, d) => dispatch({ type: 'segment', id: r.id, segment: d.value, scenario: p.scenario })}>
              <option value="">{u(lang, 'allSegments')}</option>
              {p.scenario.segments.map((g) => <option key={g.name} value={g.name}>{g.name}</option>)}
              {r.segment && !p.scenario.segments.some((g) => g.name === r.segment) && <option value={r.segment}>{r.segment}</option>}
            </Select>
          </Field>
        )}
      </div>
      <div className={styles.kind}>
        <Field className={styles.kindField} label={u(lang, 'distribution')}>
          <Select value={r.kind} data-path={rowPath(r.id, 'kind')} onChange={(_, d) => dispatch({ type: 'kind', id: r.id, kind: d.value as RowDraft['kind'] })}>
            {DISTRIBUTION_KINDS.map((k) => <option key={k} value={k}>{u(lang, `kind.${k}`)}</option>)}
          </Select>
        </Field>
        {spec && <DistributionPreview spec={p.evaluation.specs.get(r.id)} lo={spec.min} hi={spec.max} label={u(lang, 'shapeOf', { key: label })} />}
      </div>
      <div className={styles.params}>
        {(DISTRIBUTION_PARAMETERS[r.kind] as readonly ParamName[]).map((param) => {
          const message = error(param);
          return (
            <Field key={param} label={u(lang, `param.${param}`)} validationState={message ? 'error' : 'none'} validationMessage={message} size="small">
              <Input
                className={styles.input}
                input={{ size: 5, className: styles.inner }}
                value={r.params[param]}
                onChange={(_, d) => dispatch({ type: 'param', id: r.id, param, text: d.value })}
                inputMode="decimal"
                autoComplete="off"
                spellCheck={false}
                aria-label={u(lang, 'paramOf', { param: u(lang, `param.${param}`), key: label })}
                contentAfter={unit ? <span className={styles.unit} aria-hidden="true">{unit}</span> : undefined}
                data-path={rowPath(r.id, param)}
              />
            </Field>
          );
        })}
      </div>
      <div>
        <Button size="small" appearance="subtle" icon={<Dismiss16Regular />} onClick={() => dispatch({ type: 'remove', id: r.id })}
          data-testid={`uncertainty-remove-${p.index}`}>{u(lang, 'removeRow', { key: label })}</Button>
      </div>
    </fieldset>
  );
}
