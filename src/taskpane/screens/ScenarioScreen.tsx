import * as React from 'react';
import {
  Accordion, AccordionHeader, AccordionItem, AccordionPanel, Badge, Field, Input, MessageBar, MessageBarBody, makeStyles, tokens,
} from '@fluentui/react-components';
import { t, type MessageKey } from '../../i18n';
import { useStudio } from '../studio';
import { StaleFieldNote } from '../workflow/StaleFieldNote';
import { useNarrowPane } from '../workflow/narrowPane';
import { LiveStrip } from './LiveStrip';
import { PlansSection } from './PlansSection';
import { SegmentsSection } from './SegmentsSection';
import { SettingsSection } from './SettingsSection';
import { BehaviourSection } from './BehaviourSection';

const useStyles = makeStyles({
  screen: { display: 'flex', flexDirection: 'column', gap: '8px' },
  header: { display: 'flex', alignItems: 'center', gap: '8px', fontSize: tokens.fontSizeBase400, fontWeight: tokens.fontWeightSemibold },
  list: { margin: '4px 0 0', paddingLeft: '18px' },
});

// Its own chunk, with the charts it draws: most sessions never open it.
const YourDataStep = React.lazy(() => import(/* webpackChunkName: "your-data" */ '../calibration/YourDataStep').then((m) => ({ default: m.YourDataStep })));
const YourData = () => <React.Suspense fallback={null}><YourDataStep /></React.Suspense>;

// The plans first: what a user comes to change is on the first screen even in a 320 px pane (issue 15).
const SECTIONS: { id: string; title: MessageKey; prefixes: string[]; Body: React.ComponentType }[] = [
  { id: 'plans', title: 'plans', prefixes: ['plan:'], Body: PlansSection },
  { id: 'segments', title: 'segments', prefixes: ['segment:'], Body: SegmentsSection },
  { id: 'data', title: 'yourData', prefixes: [], Body: YourData },
  { id: 'settings', title: 'settings', prefixes: ['settings:'], Body: SettingsSection },
  { id: 'behaviour', title: 'behaviour', prefixes: ['behaviour:'], Body: BehaviourSection },
];

/** The scenario editor: the live result on top, then plans, segments, (collapsed) your data, settings, (collapsed) behaviour, and the scenario's name. */
export default function ScenarioScreen(): React.ReactElement {
  const styles = useStyles();
  const { lang, draft, dispatch, evaluation, stale, computeError } = useStudio();
  const errorsIn = (prefixes: string[]) => [...evaluation.fieldErrors.keys()].filter((k) => prefixes.some((p) => k.startsWith(p))).length;
  const messages = computeError ? [computeError] : evaluation.messages;
  const narrow = useNarrowPane();
  return (
    <div className={styles.screen}>
      <LiveStrip />
      {stale && messages.length > 0 && (
        <MessageBar intent="warning" data-testid="problems">
          <MessageBarBody>
            {t(lang, 'invalidInputs', { count: messages.length })}<StaleFieldNote />
            <ul className={styles.list}>{messages.slice(0, 5).map((m) => <li key={m}>{m}</li>)}</ul>
          </MessageBarBody>
        </MessageBar>
      )}
      <Accordion multiple collapsible defaultOpenItems={['plans', 'segments', 'settings']}>
        {SECTIONS.map(({ id, title, prefixes, Body }) => {
          const errors = errorsIn(prefixes);
          return (
            <AccordionItem value={id} key={id}>
              <AccordionHeader as="h2" size={narrow ? 'medium' : 'large'}>
                <span className={styles.header}>
                  {t(lang, title)}
                  {errors > 0 && <Badge color="danger" size="small" aria-label={`${errors} ⚠`}>{errors}</Badge>}
                </span>
              </AccordionHeader>
              <AccordionPanel><Body /></AccordionPanel>
            </AccordionItem>
          );
        })}
      </Accordion>
      <Field label={t(lang, 'scenarioName')}>
        <Input value={draft.name} onChange={(_, d) => dispatch({ type: 'name', text: d.value })} />
      </Field>
    </div>
  );
}
