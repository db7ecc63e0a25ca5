/**
 * Reads a scenario from the workbook: the current selection, a named range or an Excel table laid out
 * like CEQ.DEFAULTS output, or our own inputs sheet (its CEQ_Assumptions and CEQ_Plan_* names).
 * Parsing is the pure readScenarioFromRanges (src/workbook/read-range.ts).
 */
import type { Language } from '../engine';
import { ASSUMPTIONS_NAME, NAME_PREFIX, readScenarioFromRanges, type ReadReport } from '../workbook';

export type ScenarioSource =
  | { kind: 'selection' }
  | { kind: 'name'; name: string }
  | { kind: 'table'; name: string }
  | { kind: 'inputsSheet' };

export interface ReadResult extends ReadReport {
  /** The addresses read, for the pane to show. */
  addresses: string[];
}

export async function readScenario(source: ScenarioSource, lang: Language = 'en'): Promise<ReadResult> {
  return Excel.run(async (context) => {
    const ranges: Excel.Range[] = [];
    if (source.kind === 'selection') ranges.push(context.workbook.getSelectedRange());
    else if (source.kind === 'name') ranges.push(context.workbook.names.getItem(source.name).getRange());
    else if (source.kind === 'table') ranges.push(context.workbook.tables.getItem(source.name).getRange());
    else {
      const names = context.workbook.names;
      names.load('items/name');
      await context.sync();
      const planNames = names.items.map((n) => n.name).filter((n) => n.startsWith(`${NAME_PREFIX}Plan_`));
      ranges.push(names.getItem(ASSUMPTIONS_NAME).getRange());
      // Baseline first, then proposed plans in order.
      planNames.sort((a, b) => (a.endsWith('Baseline') ? -1 : b.endsWith('Baseline') ? 1 : a.localeCompare(b, 'en', { numeric: true })));
      for (const n of planNames) ranges.push(names.getItem(n).getRange());
    }
    for (const r of ranges) r.load('values,address');
    await context.sync();
    const report = readScenarioFromRanges(ranges.map((r) => r.values), lang);
    return { ...report, addresses: ranges.map((r) => r.address) };
  });
}
