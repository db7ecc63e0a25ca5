/**
 * Runs inside Excel (desktop or web) with the add-in sideloaded: inserts the model for a scenario,
 * lets Excel calculate, reads back every cell that stands for an engine number and posts them to the
 * local test server (test/excel/server.mjs), which compares them with the engine. This follows the
 * office-addin-test-server pattern; see docs/workbook.md, "Testing in real Excel".
 *
 * Wire it from the task pane's entry when the page is opened with ?ceqExcelTest=1:
 *   if (location.search.includes('ceqExcelTest')) import('../../test/excel/in-excel').then((m) => m.runExcelTest());
 */
import { scenarioFromJson, type ScenarioJson } from '../../src/engine';
import { insertModel } from '../../src/office/workbook';
import { buildWorkbook, type OutputRef } from '../../src/workbook';

export const TEST_SERVER = 'https://localhost:4201';

export async function runExcelTest(server = TEST_SERVER): Promise<void> {
  const job = (await (await fetch(`${server}/scenario`)).json()) as { name: string; scenario: ScenarioJson };
  const scenario = scenarioFromJson(job.scenario);
  const report = await insertModel(scenario, { sheets: ['inputs', 'plain', 'summary'] });
  const names = Object.fromEntries(report.sheets.map((s) => [s.key, s.name]));
  const spec = buildWorkbook(scenario, { sheetNames: names, sheets: ['inputs', 'plain', 'summary'] });
  const cells: { ref: OutputRef; value: unknown; formula?: string }[] = [];
  await Excel.run(async (context) => {
    context.application.calculate(Excel.CalculationType.full);
    for (const sheet of spec.sheets) {
      const outs = spec.outputs.filter((o) => o.sheet === sheet.key);
      if (!outs.length) continue;
      const ws = context.workbook.worksheets.getItem(sheet.name);
      const used = ws.getRangeByIndexes(0, 0, sheet.extent.rows, sheet.extent.cols);
      used.load('values');
      await context.sync();
      for (const o of outs) cells.push({ ref: o.ref, value: used.values[o.row][o.col] });
    }
  });
  await fetch(`${server}/results`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ name: job.name, host: Office.context.diagnostics?.platform, version: Office.context.diagnostics?.version, cells }),
  });
}
