import * as React from 'react';
import { Badge, Button, Field, MessageBar, MessageBarBody, Select, makeStyles, mergeClasses, tokens } from '@fluentui/react-components';
import { ChevronDown16Regular, ChevronUp16Regular } from '@fluentui/react-icons';
import type { Language } from '../engine';
import { CURRENCIES, t } from '../i18n';
import { EXAMPLE_IDS, type ExampleId } from './examples';
import { w } from './workflow/texts';

const useStyles = makeStyles({
  header: { display: 'flex', flexDirection: 'column', gap: '6px', paddingBottom: '6px' },
  titleRow: { display: 'flex', alignItems: 'center', gap: '4px 8px', flexWrap: 'wrap' },
  title: { fontSize: tokens.fontSizeBase400, fontWeight: tokens.fontWeightSemibold, margin: 0 },
  // Title and "Vista previa" on one line at 320 px.
  titleNarrow: { fontSize: tokens.fontSizeBase300 },
  badge: { flexShrink: 0 },
  controls: { display: 'flex', flexWrap: 'wrap', gap: '6px 10px', alignItems: 'flex-end' },
  example: { flexGrow: 1, minWidth: '170px' },
  info: { fontSize: tokens.fontSizeBase200, color: tokens.colorNeutralForeground2, margin: 0 },
  block: { display: 'flex', flexDirection: 'column', gap: '6px' },
  fold: { alignSelf: 'flex-start', maxWidth: '100%', minWidth: 0, justifyContent: 'flex-start', textAlign: 'left', fontWeight: tokens.fontWeightRegular },
});

export interface HeaderProps {
  lang: Language;
  preview: boolean;
  onLanguage(l: Language): void;
  currency: string;
  onCurrency(c: string): void;
  onExample(id: ExampleId): void;
  /** The scenario was edited since it was loaded: the example's description is then marked as no longer true. */
  edited?: boolean;
  /** A pane near 320 px: the preview note, controls and description fold behind one line (useNarrowPane). */
  narrow?: boolean;
}

/** Title, preview note, example picker, language (preview) and currency. */
export function Header(p: HeaderProps): React.ReactElement {
  const styles = useStyles();
  const [example, setExample] = React.useState<ExampleId>(EXAMPLE_IDS[0]);
  // Picking another example describes that one; the opened example's description goes once it is edited.
  const [browsing, setBrowsing] = React.useState(false);
  const currencies = CURRENCIES.includes(p.currency as (typeof CURRENCIES)[number]) ? CURRENCIES : [p.currency, ...CURRENCIES];
  const [open, setOpen] = React.useState(false);
  const folded = !!p.narrow && !open;
  const language = p.lang === 'es' ? 'Español' : 'English';
  return (
    <header className={styles.header}>
      <div className={styles.titleRow}>
        <h1 className={mergeClasses(styles.title, p.narrow && styles.titleNarrow)}>{t(p.lang, 'appTitle')}</h1>
        {p.preview && <Badge className={styles.badge} appearance="tint" color="informative" data-testid="preview-badge">{t(p.lang, 'previewBadge')}</Badge>}
      </div>
      {p.narrow && (
        <Button size="small" appearance="subtle" className={styles.fold} aria-expanded={open} aria-controls="header-controls" data-testid="header-fold"
          title={w(p.lang, 'headerControls')} icon={open ? <ChevronUp16Regular /> : <ChevronDown16Regular />} onClick={() => setOpen(!open)}>
          <span className="ceq-visually-hidden">{w(p.lang, 'headerControls')}: </span>
          {[t(p.lang, `example.${example}`), p.preview ? language : '', p.currency].filter(Boolean).join(' · ')}
        </Button>
      )}
      {!folded && <HeaderControls {...p} example={example} setExample={setExample} browsing={browsing} setBrowsing={setBrowsing} currencies={currencies} />}
    </header>
  );
}

interface ControlsProps extends HeaderProps {
  example: ExampleId;
  setExample(id: ExampleId): void;
  browsing: boolean;
  setBrowsing(on: boolean): void;
  currencies: readonly string[];
}

/** The preview note, the example picker, language and currency, and the example's description. */
function HeaderControls({ example, setExample, browsing, setBrowsing, currencies, ...p }: ControlsProps): React.ReactElement {
  const styles = useStyles();
  return (
    <div id="header-controls" className={styles.block}>
      {p.preview && (
        <MessageBar intent="info" data-testid="preview-note"><MessageBarBody>{t(p.lang, 'previewNote')}</MessageBarBody></MessageBar>
      )}
      <div className={styles.controls}>
        <Field className={styles.example} label={t(p.lang, 'example')} size="small">
          <Select size="small" value={example} onChange={(_, d) => { setExample(d.value as ExampleId); setBrowsing(true); }} data-testid="example-picker">
            {EXAMPLE_IDS.map((id) => <option key={id} value={id}>{t(p.lang, `example.${id}`)}</option>)}
          </Select>
        </Field>
        <Button size="small" onClick={() => { setBrowsing(false); p.onExample(example); }} data-testid="open-example">{t(p.lang, 'openExample')}</Button>
        {p.preview && (
          <Field label={t(p.lang, 'language')} size="small">
            <Select size="small" value={p.lang} onChange={(_, d) => p.onLanguage(d.value as Language)} data-testid="language">
              <option value="en">English</option>
              <option value="es">Español</option>
            </Select>
          </Field>
        )}
        <Field label={t(p.lang, 'currency')} size="small">
          <Select size="small" value={p.currency} onChange={(_, d) => p.onCurrency(d.value)} data-testid="currency">
            {currencies.map((c) => <option key={c} value={c}>{c}</option>)}
          </Select>
        </Field>
      </div>
      {p.edited && !browsing
        ? <p className={styles.info} data-testid="example-edited">{w(p.lang, 'exampleEdited')}</p>
        : <p className={styles.info} data-testid="example-info">{t(p.lang, `exampleInfo.${example}`)}</p>}
    </div>
  );
}
