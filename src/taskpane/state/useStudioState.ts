import * as React from 'react';
import { describeProblems, ModelError, type Language, type Scenario } from '../../engine';
import { compute, type Computed } from './compute';
import { draftFromScenario, reduce } from './draft';
import { evaluate } from './evaluate';

/**
 * The editor's state machine: every edit re-evaluates the draft; when it is valid the results are
 * recomputed, otherwise the last valid results stay on screen (marked stale) and nothing typed is lost.
 */
export function useStudioState(initial: Scenario, locale: string, lang: Language) {
  const [draft, dispatch] = React.useReducer(reduce, undefined, () => draftFromScenario(initial, locale));
  React.useEffect(() => dispatch({ type: 'locale', locale }), [locale]);
  const evaluation = React.useMemo(() => evaluate(draft, lang), [draft, lang]);
  const attempt = React.useMemo((): { ok?: Computed; error?: string } | undefined => {
    if (!evaluation.scenario) return undefined;
    try {
      return { ok: compute(evaluation.scenario, draft.budgetNeutral) };
    } catch (e) {
      return { error: e instanceof ModelError ? describeProblems(e.problems, lang) : e instanceof Error ? e.message : String(e) };
    }
  }, [evaluation.scenario, draft.budgetNeutral, lang]);
  const last = React.useRef<Computed>();
  if (attempt?.ok) last.current = attempt.ok;
  return {
    draft,
    dispatch,
    evaluation,
    computed: last.current,
    stale: !attempt?.ok,
    computeError: attempt?.error,
  };
}
