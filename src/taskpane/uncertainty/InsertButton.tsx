import * as React from 'react';
import { Button, Spinner, makeStyles, tokens } from '@fluentui/react-components';
import { TableAdd16Regular } from '@fluentui/react-icons';
import type { Language } from '../../engine';
import type { UncertaintyReport } from '../../workbook/uncertainty-sheet';
import { u } from './texts';

const useStyles = makeStyles({
  wrap: { display: 'inline-flex', alignItems: 'center', gap: '8px', flexWrap: 'wrap' },
  ok: { color: tokens.colorPaletteGreenForeground1, fontSize: tokens.fontSizeBase200 },
  error: { color: tokens.colorPaletteRedForeground1, fontSize: tokens.fontSizeBase200 },
});

/** Writes a report into the workbook; resolves to the sheet's name (src/office/uncertainty.ts inside Excel). */
export type InsertReport = (report: UncertaintyReport, lang: Language) => Promise<string>;

/** The Office adapter, loaded on first use inside Excel only (its own chunk). */
export const insertIntoExcel: InsertReport = async (report, lang) => {
  const { insertUncertainty } = await import(/* webpackChunkName: "uncertainty-excel" */ '../../office/uncertainty');
  return insertUncertainty(report, { lang });
};

/** "Insert into workbook": writes every uncertainty result the tab has (the sheet is updated in place). */
export function InsertButton({ lang, report, insert, testId }: { lang: Language; report: () => UncertaintyReport; insert: InsertReport; testId: string }): React.ReactElement {
  const styles = useStyles();
  const [state, setState] = React.useState<{ busy?: boolean; sheet?: string; error?: string }>({});
  const run = async () => {
    setState({ busy: true });
    try {
      setState({ sheet: await insert(report(), lang) });
    } catch (e) {
      setState({ error: e instanceof Error ? e.message : String(e) });
    }
  };
  return (
    <span className={styles.wrap}>
      <Button icon={state.busy ? <Spinner size="extra-tiny" /> : <TableAdd16Regular />} disabled={state.busy} onClick={run} data-testid={testId}>
        {u(lang, state.busy ? 'inserting' : 'insert')}
      </Button>
      <span role="status">
        {state.sheet && <span className={styles.ok}>{u(lang, 'insertedTo', { sheet: state.sheet })}</span>}
        {state.error && <span className={styles.error}>{u(lang, 'insertFailed', { error: state.error })}</span>}
      </span>
    </span>
  );
}
