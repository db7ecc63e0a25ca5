import * as React from 'react';
import { Badge, Button, Field, MessageBar, MessageBarBody, Select, makeStyles, tokens } from '@fluentui/react-components';
import type { Language } from '../engine';
import { CURRENCIES, t } from '../i18n';
import { EXAMPLE_IDS, type ExampleId } from './examples';
import { w } from './workflow/texts';

const useStyles = makeStyles({
  header: { display: 'flex', flexDirection: 'column', gap: '6px', paddingBottom: '6px' },
  titleRow: { display: 'flex', alignItems: 'center', gap: '8px' },
  title: { fontSize: tokens.fontSizeBase400, fontWeight: tokens.fontWeightSemibold, margin: 0 },
  controls: { display: 'flex', flexWrap: 'wrap', gap: '6px 10px', alignItems: 'flex-end' },
  example: { flexGrow: 1, minWidth: '170px' },
  info: { fontSize: tokens.fontSizeBase200, color: tokens.colorNeutralForeground2, margin: 0 },
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
}

/** Title, preview note, example picker, language (preview) and currency. */
export function Header(p: HeaderProps): React.ReactElement {
  const styles = useStyles();
  const [example, setExample] = React.useState<ExampleId>(EXAMPLE_IDS[0]);
  // Picking another example describes that one; the opened example's description goes once it is edited.
  const [browsing, setBrowsing] = React.useState(false);
  const currencies = CURRENCIES.includes(p.currency as (typeof CURRENCIES)[number]) ? CURRENCIES : [p.currency, ...CURRENCIES];
  return (
    <header className={styles.header}>
      <div className={styles.titleRow}>
        <h1 className={styles.title}>{t(p.lang, 'appTitle')}</h1>
        {p.preview && <Badge appearance="tint" color="informative" data-testid="preview-badge">{t(p.lang, 'previewBadge')}</Badge>}
      </div>
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
    </header>
  );
}
