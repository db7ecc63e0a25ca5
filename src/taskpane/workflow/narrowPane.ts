import { makeStaticStyles } from '@fluentui/react-components';
import { useMedia } from '../theme';

/**
 * A pane at (or near) the narrowest Excel allows, 320 px: the header folds its example, language and
 * currency behind one line and the tabs are small, so the first values a user edits are on the first
 * screen (issue 15 measured the first plan value at y ≈ 880 of 900 px).
 */
export const NARROW_PANE = '(max-width: 360px)';

export function useNarrowPane(): boolean {
  return useMedia(NARROW_PANE);
}

/**
 * What keeps the pane inside 320 px (the narrowest Excel allows) in either language: a dropdown may be
 * narrower than its longest option (the browser shows the option in full when it opens), a field never
 * widens its card, and a long word or paste (a plan name without spaces) wraps instead of widening the
 * page. Tables that need the width keep `white-space: nowrap` and scroll inside their own region.
 * A message bar's text wraps from its first paint: Fluent lays it out on one unwrapped line and only
 * switches to its multi-line layout after a ResizeObserver turn, which a busy machine delays (the
 * Uncertainty tab's preview note was caught 492 px wide).
 */
export const useNarrowPaneStyles = makeStaticStyles({
  '#root': { overflowWrap: 'anywhere' },
  '.fui-Field, .fui-Select, .fui-Select > select': { minWidth: 0 },
  '.fui-Select > select': { textOverflow: 'ellipsis' },
  '.fui-MessageBarBody': { whiteSpace: 'normal', minWidth: 0 },
});
