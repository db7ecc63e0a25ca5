import * as React from 'react';
import { describeProblems, ModelError, type Language, type Scenario } from '../../engine';
import { compute, type Computed } from './compute';
import { draftFromScenario, reduce, type Draft } from './draft';
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
  // While the field being typed in is invalid, the results are those of its text before this edit
  // began ("150%" must not show the 15 % typed on the way), when the rest of the draft is valid.
  const committed = React.useMemo(() => committedResults(draft, evaluation.scenario, lang), [draft, evaluation.scenario, lang]);
  const last = React.useRef<Computed>();
  if (attempt?.ok) last.current = attempt.ok;
  else if (committed) last.current = committed.computed;
  return {
    draft,
    dispatch,
    evaluation,
    computed: last.current,
    stale: !attempt?.ok,
    /** Set when the stale results are those of the edited field's value before this edit. */
    staleField: attempt?.ok ? undefined : committed?.field,
    computeError: attempt?.error,
  };
}

function committedResults(draft: Draft, typed: Scenario | undefined, lang: Language): { computed: Computed; field: { path: string; before: string } } | undefined {
  if (typed || !draft.editing) return undefined;
  const before = evaluate(reduce(draft, { type: 'field', path: draft.editing.path, text: draft.editing.before }), lang);
  if (!before.scenario) return undefined;
  try {
    return { computed: compute(before.scenario, draft.budgetNeutral), field: draft.editing };
  } catch {
    return undefined;
  }
}
