import * as React from 'react';
import { FluentProvider, MessageBar, MessageBarBody, Spinner, Tab, TabList, makeStyles, tokens } from '@fluentui/react-components';
import type { Language, Scenario } from '../engine';
import { defaultCurrency, formats, languageOf, localeFor, t } from '../i18n';
import type { HostInfo, OfficeThemeView } from '../office/host';
import { exampleScenario, EXAMPLE_IDS, type ExampleId } from './examples';
import { Header } from './Header';
import { useStudioState } from './state/useStudioState';
import { StudioContext, type Studio } from './studio';
import { TABS, type TabDef } from './tabs';
import { THEMES, useThemeName } from './theme';
import { HIGH_CONTRAST_CHART_COLORS } from './charts/palette';
import { LostWorkBar, useLostWork } from './workflow/useLostWork';
import { useNarrowPane, useNarrowPaneStyles } from './workflow/narrowPane';
import { FallbackNote } from './workflow/FallbackNote';

export interface AppProps {
  host: HostInfo;
  /** Re-reads Office's theme when it may have changed (src/office/host.ts watchOfficeTheme). */
  watchTheme?: (onChange: (t: OfficeThemeView) => void) => () => void;
  /** The reader's locale outside Office (navigator.language). */
  browserLocale?: string;
  /** The scenario to open; the first built-in example when absent. */
  initial?: Scenario;
  tabs?: readonly TabDef[];
}

const useStyles = makeStyles({
  provider: { minHeight: '100vh', backgroundColor: tokens.colorNeutralBackground1, color: tokens.colorNeutralForeground1 },
  page: { padding: '8px 10px 24px', maxWidth: '900px', margin: '0 auto', boxSizing: 'border-box' },
  // Tabs wrap onto a second line in a narrow pane rather than hide (later screens add more tabs).
  tabs: { marginBottom: '8px', borderBottom: `1px solid ${tokens.colorNeutralStroke2}`, flexWrap: 'wrap' },
});

/** The error boundary of one screen: a screen that fails (or whose chunk cannot load) says so; the rest keeps working. */
class ScreenBoundary extends React.Component<{ lang: Language; children: React.ReactNode }, { error?: Error }> {
  override state: { error?: Error } = {};
  static getDerivedStateFromError(error: Error) {
    return { error };
  }
  override render() {
    if (this.state.error) {
      return <MessageBar intent="error"><MessageBarBody>{t(this.props.lang, 'screenFailed', { error: this.state.error.message })}</MessageBarBody></MessageBar>;
    }
    return this.props.children;
  }
}

function labelOf(tab: TabDef, lang: Language): string {
  return typeof tab.label === 'string' ? t(lang, tab.label) : tab.label[lang];
}

/** The pane's shell: theme, language, header and the tabs (TABS in tabs.ts). */
export function App(props: AppProps): React.ReactElement {
  const styles = useStyles();
  useNarrowPaneStyles();
  const narrow = useNarrowPane();
  const preferred = props.host.displayLanguage ?? props.browserLocale;
  const [lang, setLang] = React.useState<Language>(languageOf(preferred));
  const locale = localeFor(lang, preferred);
  const [currency, setCurrency] = React.useState(() => defaultCurrency(localeFor(languageOf(preferred), preferred)));
  const fmt = React.useMemo(() => formats(locale, currency), [locale, currency]);
  const [initial] = React.useState(() => props.initial ?? exampleScenario(EXAMPLE_IDS[0], lang));
  const state = useStudioState(initial, locale, lang);
  const preview = props.host.kind !== 'excel';
  const lost = useLostWork(state.draft, state.dispatch, state.evaluation.scenario, preview, lang, initial);
  const { dispatch } = lost;
  const [planIndex, setPlanIndex] = React.useState(0);
  const theme = useThemeName(props.host, props.watchTheme);
  const tabs = (props.tabs ?? TABS).filter((tab) => !tab.visible || tab.visible(props.host));
  const [selected, setSelected] = React.useState(tabs[0].id);
  const [visited, setVisited] = React.useState(() => new Set([tabs[0].id]));

  React.useEffect(() => {
    document.documentElement.lang = lang;
  }, [lang]);

  const loadScenario = React.useCallback((s: Scenario) => {
    dispatch({ type: 'load', scenario: s });
    setPlanIndex(0);
  }, [dispatch]);
  const openExample = React.useCallback((id: ExampleId) => loadScenario(exampleScenario(id, lang)), [loadScenario, lang]);

  const studio: Studio = { ...state, dispatch, lang, locale, fmt, host: props.host, planIndex, setPlanIndex, loadScenario };
  const select = (id: string) => {
    setSelected(id);
    setVisited((v) => (v.has(id) ? v : new Set(v).add(id)));
  };

  return (
    <FluentProvider theme={THEMES[theme]} className={styles.provider} data-theme={theme}
      style={theme === 'highContrast' ? (HIGH_CONTRAST_CHART_COLORS as React.CSSProperties) : undefined}>
      <StudioContext.Provider value={studio}>
        <div className={styles.page}>
          <Header lang={lang} preview={preview} onLanguage={setLang} currency={currency} onCurrency={setCurrency} onExample={openExample} edited={state.draft.edited} narrow={narrow} />
          <FallbackNote fallback={props.host.fallback} lang={lang} />
          <LostWorkBar lost={lost} lang={lang} locale={locale} />
          <main>
            <TabList className={styles.tabs} selectedValue={selected} onTabSelect={(_, d) => select(String(d.value))} aria-label={t(lang, 'tabs')} size={narrow ? 'small' : 'medium'}>
              {tabs.map((tab) => (
                <Tab key={tab.id} value={tab.id} id={`tab-${tab.id}`} aria-controls={`panel-${tab.id}`} data-testid={`tab-${tab.id}`}>{labelOf(tab, lang)}</Tab>
              ))}
            </TabList>
            {tabs.map((tab) => {
              const active = tab.id === selected;
              if (!active && !(tab.keepMounted && visited.has(tab.id))) return null;
              return (
                <div key={tab.id} id={`panel-${tab.id}`} role="tabpanel" aria-labelledby={`tab-${tab.id}`} hidden={!active} data-testid={`panel-${tab.id}`}>
                  <ScreenBoundary lang={lang}>
                    <React.Suspense fallback={<Spinner label={t(lang, 'loading')} />}>
                      <tab.Screen />
                    </React.Suspense>
                  </ScreenBoundary>
                </div>
              );
            })}
          </main>
        </div>
      </StudioContext.Provider>
    </FluentProvider>
  );
}
