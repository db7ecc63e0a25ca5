import * as React from 'react';
import { Button, MessageBar, MessageBarActions, MessageBarBody, makeStyles } from '@fluentui/react-components';
import { scenarioToJson, type Language, type Scenario } from '../../engine';
import type { Action, Draft } from '../state/draft';
import { forgetWorking, keepWorking, keptWorking, type Kept } from './previewStore';
import { w } from './texts';

export interface LostWork {
  /** The pane's dispatch, remembering the draft before a load or a removed plan so either can be undone. */
  dispatch: React.Dispatch<Action>;
  undo?: { text: string; run(): void; dismiss(): void };
  /** The preview's kept scenario from an earlier visit, until restored or discarded. */
  offer?: { kept: Kept; restore(): void; discard(): void };
}

const sameScenario = (a: Scenario, b: Scenario) => JSON.stringify(scenarioToJson(a)) === JSON.stringify(scenarioToJson(b));

/**
 * Nothing is lost without a way back: opening an example (or any load) and removing a plan can be
 * undone once; in the preview the last valid scenario is kept in the browser and offered back on the
 * next start (unless it is the scenario the pane opens with anyway).
 */
export function useLostWork(draft: Draft, dispatch: React.Dispatch<Action>, valid: Scenario | undefined, preview: boolean, lang: Language, initial: Scenario): LostWork {
  const latest = React.useRef(draft);
  latest.current = draft;
  const [undo, setUndo] = React.useState<{ before: Draft; text: string }>();
  const [offer, setOffer] = React.useState<Kept | undefined>(() => {
    if (!preview) return undefined;
    const kept = keptWorking();
    return kept && !sameScenario(kept.scenario, initial) ? kept : undefined;
  });

  const guarded = React.useCallback((a: Action) => {
    const d = latest.current;
    if (a.type === 'removePlan') {
      const plan = d.proposed.find((p) => p.id === a.id);
      if (plan) setUndo({ before: d, text: w(lang, 'undoRemoved', { plan: plan.name }) });
    } else if (a.type === 'load') {
      setUndo({ before: d, text: w(lang, 'undoLoaded', { scenario: a.scenario.name, previous: d.name }) });
    }
    dispatch(a);
  }, [dispatch, lang]);

  // The offer is answered first: until then (or an edit) the kept scenario is not overwritten.
  const pending = offer !== undefined && !draft.edited;
  React.useEffect(() => {
    if (preview && valid && !pending) keepWorking(valid, Date.now());
  }, [preview, valid, pending]);

  return {
    dispatch: guarded,
    undo: undo && {
      text: undo.text,
      run: () => { dispatch({ type: 'restore', draft: undo.before }); setUndo(undefined); },
      dismiss: () => setUndo(undefined),
    },
    offer: offer && {
      kept: offer,
      restore: () => { guarded({ type: 'load', scenario: offer.scenario }); setOffer(undefined); },
      discard: () => { forgetWorking(); setOffer(undefined); },
    },
  };
}

const useStyles = makeStyles({ bar: { overflowWrap: 'anywhere' } });

/** The undo bar and the restore offer, under the header. */
export function LostWorkBar({ lost, lang, locale }: { lost: LostWork; lang: Language; locale: string }): React.ReactElement | null {
  const styles = useStyles();
  const { undo, offer } = lost;
  if (!undo && !offer) return null;
  return (
    <>
      {offer && (
        <MessageBar intent="info" layout="multiline" className={styles.bar} data-testid="restore-offer">
          <MessageBarBody>{w(lang, 'restoreOffer', { scenario: offer.kept.scenario.name, when: new Date(offer.kept.savedAt).toLocaleString(locale) })}</MessageBarBody>
          <MessageBarActions>
            <Button size="small" appearance="primary" onClick={offer.restore} data-testid="restore-working">{w(lang, 'restore')}</Button>
            <Button size="small" onClick={offer.discard} data-testid="discard-working">{w(lang, 'discard')}</Button>
          </MessageBarActions>
        </MessageBar>
      )}
      {undo && (
        <MessageBar intent="info" layout="multiline" className={styles.bar} data-testid="undo-bar">
          <MessageBarBody>{undo.text}</MessageBarBody>
          <MessageBarActions>
            <Button size="small" appearance="primary" onClick={undo.run} data-testid="undo">{w(lang, 'undo')}</Button>
            <Button size="small" onClick={undo.dismiss}>{w(lang, 'dismiss')}</Button>
          </MessageBarActions>
        </MessageBar>
      )}
    </>
  );
}
