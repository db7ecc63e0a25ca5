import * as React from 'react';
import { useStudio } from '../studio';
import { staleFieldText } from './staleField';

/** Inside a stale-results banner: which value of the field being typed in the results are for. */
export function StaleFieldNote(): React.ReactElement | null {
  const { staleField, draft, lang, fmt } = useStudio();
  if (!staleField) return null;
  return <> <span data-testid="stale-field">{staleFieldText(staleField, draft, lang, fmt)}</span></>;
}
