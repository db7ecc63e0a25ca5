import * as React from 'react';
import { makeStyles, tokens } from '@fluentui/react-components';
import { showsNegative } from '../../i18n';

const useStyles = makeStyles({ negative: { color: tokens.colorPaletteRedForeground1 } });

/** A formatted number; negatives (already in parentheses) are red too. */
export function Num({ text }: { text: string }): React.ReactElement {
  const styles = useStyles();
  return <span className={showsNegative(text) ? styles.negative : undefined}>{text}</span>;
}
