import * as React from 'react';
import { makeStyles, tokens } from '@fluentui/react-components';
import { showsNegative } from '../../i18n';

const useStyles = makeStyles({
  bad: { color: tokens.colorPaletteRedForeground1 },
  good: { color: tokens.colorPaletteGreenForeground1 },
});

/**
 * A formatted number (negatives already in parentheses). Colour says good or bad for the company, never
 * the sign alone: with `better` set, a change in the better direction is green and in the worse one
 * red (a comp-cost saving, `better="lower"`, is green in parentheses); a change that rounds to zero has
 * no colour. Without `better`, negatives are red (a loss of a figure where more is better).
 */
export function Num({ text, better }: { text: string; better?: 'higher' | 'lower' }): React.ReactElement {
  const styles = useStyles();
  const negative = showsNegative(text);
  let tone: 'good' | 'bad' | undefined = negative ? 'bad' : undefined;
  if (better && /[1-9]/.test(text)) tone = negative === (better === 'lower') ? 'good' : 'bad';
  else if (better) tone = undefined;
  return <span className={tone ? styles[tone] : undefined} data-tone={tone}>{text}</span>;
}
