/**
 * Runs inside real Excel (desktop or web), loaded by the test add-in of test/excel/manifest.xml, whose
 * page test/excel/server.mjs serves. It drives the same Office adapters the task pane uses
 * (src/office) against a NEW BLANK workbook and posts what Excel did to the server, which compares
 * every number with the engine and prints a report (the office-addin-test-server pattern).
 *
 * "Run the test" checks: insert model (sheets, marks, names, data validation, charts), every engine
 * cell after a full calculation, inserting again in place (no new sheets, a user's cell kept), a user's
 * own sheet called "CEQ Inputs" left alone, reading the scenario back from the inputs sheet, saved
 * scenarios through document settings, and the comparison sheet. "Check after reopening" checks that
 * the scenario saved by the first run is still there after the workbook was saved, closed and opened.
 * See docs/workbook.md, "Testing in real Excel".
 */
import { scenarioFromJson, type Scenario, type ScenarioJson } from '../../src/engine';
import { insertComparison } from '../../src/office/comparison';
import { readScenario } from '../../src/office/read-scenario';
import { workbookScenarios } from '../../src/office/saved-scenarios';
import { MARK_KEY } from '../../src/office/sheet-plan';
import { insertModel } from '../../src/office/workbook';
import { buildWorkbook, summariseScenarios, type OutputRef } from '../../src/workbook';

export interface Check {
  name: string;
  pass: boolean;
  detail?: string;
}

export interface Results {
  phase: 'run' | 'reopen';
  host?: string;
  version?: string;
  checks: Check[];
  /** Engine-output cells as Excel computed them; the server compares them with the engine. */
  cells: { ref: OutputRef; value: unknown; at: string }[];
}

export const SAVED_NAME = 'CEQ real-Excel test';
const MODEL_SHEETS = ['inputs', 'plain', 'summary'] as const;

function check(checks: Check[], name: string, pass: boolean, detail?: string): void {
  checks.push({ name, pass, ...(detail ? { detail } : {}) });
}

async function sheetNames(): Promise<{ name: string; mark?: string }[]> {
  return Excel.run(async (context) => {
    const sheets = context.workbook.worksheets;
    sheets.load('items/name');
    await context.sync();
    const props = sheets.items.map((ws) => ws.customProperties.load('items/key,items/value'));
    await context.sync();
    return sheets.items.map((ws, i) => ({ name: ws.name, mark: props[i].items.find((p) => p.key === MARK_KEY)?.value }));
  });
}

/** The first run: everything but reopening. */
export async function runTest(scenario: Scenario, progress: (text: string) => void = () => undefined): Promise<Results> {
  const checks: Check[] = [];
  const cells: Results['cells'] = [];
  const before = await sheetNames();
  if (before.some((s) => s.mark || s.name.startsWith('CEQ '))) {
    check(checks, 'the workbook is new and blank', false, 'open a new blank workbook and run the test there');
    return { phase: 'run', checks, cells };
  }

  // A user's own sheet with our name, before the first insert.
  progress('A sheet of the user called "CEQ Inputs"…');
  await Excel.run(async (context) => {
    const mine = context.workbook.worksheets.add('CEQ Inputs');
    mine.getRange('A1').values = [['my own data']];
    await context.sync();
  });

  progress('Insert model…');
  const first = await insertModel(scenario, { sheets: MODEL_SHEETS });
  const names = Object.fromEntries(first.sheets.map((s) => [s.key, s.name]));
  check(checks, 'insert: our inputs sheet avoids the user\'s "CEQ Inputs"', names.inputs === 'CEQ Inputs (2)', JSON.stringify(names));
  const spec = buildWorkbook(scenario, { sheetNames: names, sheets: MODEL_SHEETS });

  progress('Full calculation and read back…');
  await Excel.run(async (context) => {
    context.application.calculate(Excel.CalculationType.full);
    await context.sync();
    const mine = context.workbook.worksheets.getItem('CEQ Inputs').getRange('A1:B2');
    mine.load('values');
    const props = context.workbook.worksheets.getItem('CEQ Inputs').customProperties;
    props.load('items/key');
    const wbNames = context.workbook.names;
    wbNames.load('items/name');
    const summaryCharts = context.workbook.worksheets.getItem(names.summary).charts;
    summaryCharts.load('items/name');
    const inputs = context.workbook.worksheets.getItem(names.inputs);
    const churn = spec.names.find((n) => n.name.startsWith('CEQ_churn_'))!;
    const rule = inputs.getRange(churn.ref).dataValidation;
    rule.load('rule,valid');
    await context.sync();
    check(checks, "insert: the user's own sheet is untouched", mine.values[0][0] === 'my own data' && mine.values[1][0] === '' && props.items.length === 0);
    const ours = wbNames.items.filter((n) => n.name.startsWith('CEQ_')).length;
    check(checks, 'insert: every defined name is there', ours === spec.names.length, `${ours} of ${spec.names.length}`);
    check(checks, 'insert: the summary sheet has three native charts', summaryCharts.items.filter((c) => c.name.startsWith('CEQ_chart_')).length === 3);
    const decimal = rule.rule.decimal;
    check(checks, 'insert: data validation enforces the catalogue range (churn 0 to 0.95)', !!decimal && Number(decimal.formula1) === 0 && Number(decimal.formula2) === 0.95,
      JSON.stringify(rule.rule));
    for (const sheet of spec.sheets) {
      const outs = spec.outputs.filter((o) => o.sheet === sheet.key);
      if (!outs.length) continue;
      const used = context.workbook.worksheets.getItem(sheet.name).getRangeByIndexes(0, 0, sheet.extent.rows, sheet.extent.cols);
      used.load('values');
      await context.sync();
      for (const o of outs) cells.push({ ref: o.ref, value: used.values[o.row][o.col], at: `${sheet.name}!R${o.row + 1}C${o.col + 1}` });
      const errors = sheet.cells.filter((c) => c.formula !== undefined && typeof used.values[c.row][c.col] === 'string' && String(used.values[c.row][c.col]).startsWith('#'));
      check(checks, `calculate: no formula error on ${sheet.name}`, errors.length === 0, errors.slice(0, 3).map((c) => `R${c.row + 1}C${c.col + 1} ${c.formula}`).join('; '));
    }
  });

  progress('Insert again, in place…');
  await Excel.run(async (context) => {
    context.workbook.worksheets.getItem(names.plain).getRange('ZZ500').values = [['a note of the user']];
    await context.sync();
  });
  const second = await insertModel(scenario, { sheets: MODEL_SHEETS });
  const after = await sheetNames();
  check(checks, 'insert again: no new sheets', after.length === before.length + 4 && second.sheets.every((s) => !s.created), after.map((s) => s.name).join(', '));
  await Excel.run(async (context) => {
    const note = context.workbook.worksheets.getItem(names.plain).getRange('ZZ500');
    note.load('values');
    await context.sync();
    check(checks, "insert again: the user's cell on our sheet is kept", note.values[0][0] === 'a note of the user');
  });

  progress('Read the scenario back…');
  const back = await readScenario({ kind: 'inputsSheet' });
  check(checks, 'read: the inputs sheet gives the scenario back', !!back.scenario && back.rejected.length === 0
    && JSON.stringify(back.scenario.segments.map((g) => g.values)) === JSON.stringify(scenario.segments.map((g) => g.values)),
  back.rejected.map((r) => r.reason).join('; '));

  progress('Saved scenarios…');
  const store = workbookScenarios();
  const entry = await store.save(SAVED_NAME, scenario);
  await new Promise<void>((resolve) => Office.context.document.settings.refreshAsync(() => resolve()));
  const listed = workbookScenarios().list().entries.find((e) => e.id === entry.id);
  check(checks, 'saved scenarios: saved into the document settings and read back', listed?.name === SAVED_NAME && listed.status === 'valid');

  progress('Comparison…');
  const other = structuredClone(scenario);
  other.proposed.forEach((p) => { p.values.commissionNew *= 0.8; });
  const sheet = await insertComparison(summariseScenarios([{ name: 'As given', scenario }, { name: 'Less on new deals', scenario: other }]));
  await Excel.run(async (context) => {
    const charts = context.workbook.worksheets.getItem(sheet).charts;
    charts.load('items/name');
    await context.sync();
    check(checks, 'comparison: its sheet has the table\'s two charts', charts.items.length === 2);
  });
  return { phase: 'run', checks, cells };
}

/** After saving, closing and reopening the workbook: the scenario the first run saved is still there. */
export function checkAfterReopen(): Results {
  const entries = workbookScenarios().list().entries;
  const found = entries.find((e) => e.name === SAVED_NAME);
  return { phase: 'reopen', checks: [{ name: 'saved scenarios survive closing and reopening the workbook', pass: found?.status === 'valid',
    detail: entries.map((e) => e.name).join(', ') || 'no saved scenarios' }], cells: [] };
}

/** The page's entry: fetches the scenario from the server, runs, posts the results. */
export async function main(server = location.origin, phase: Results['phase'], progress: (text: string) => void): Promise<void> {
  const job = (await (await fetch(`${server}/scenario`)).json()) as { scenario: ScenarioJson };
  let results: Results;
  try {
    results = phase === 'run' ? await runTest(scenarioFromJson(job.scenario), progress) : checkAfterReopen();
  } catch (e) {
    results = { phase, checks: [{ name: 'the test ran to the end', pass: false, detail: e instanceof Error ? `${e.message}\n${e.stack}` : String(e) }], cells: [] };
  }
  results.host = String(Office.context.diagnostics?.platform ?? '');
  results.version = Office.context.diagnostics?.version;
  await fetch(`${server}/results`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify(results) });
  progress(`${results.checks.filter((c) => c.pass).length} of ${results.checks.length} checks passed here; the numbers are compared by the server (see its console).`);
}
