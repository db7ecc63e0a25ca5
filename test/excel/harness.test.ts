import { spawn } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { scenarioFromJson } from '../../src/engine';
import { buildWorkbook, engineValue } from '../../src/workbook';
import { FakeBook, installFakeExcel, mockSettings } from '../office/fake-excel';
import { checkAfterReopen, runTest, SAVED_NAME, type Results } from './in-excel';

/**
 * The real-Excel test cannot run here (no Excel), but its parts can: the script's own checks run
 * against the mocked Excel of test/office, and the server is started, fed results and made to judge
 * them. So a person with Excel gets a harness that is known to work up to Excel itself.
 */
const root = join(__dirname, '../..');
const scenario = scenarioFromJson(JSON.parse(readFileSync(join(root, 'examples/mid-market-saas.json'), 'utf8')));

function installOffice() {
  const settings = mockSettings();
  const port = settings.settings as unknown as { refreshAsync?: (cb: () => void) => void };
  port.refreshAsync = (cb) => cb();
  (globalThis as unknown as { Office: unknown }).Office = { context: { document: { settings: port }, diagnostics: { platform: 'Fake', version: '0' } } };
  return settings;
}

describe('the in-Excel test script, run against the mocked Excel', () => {
  it('passes every check of its own in a new blank workbook and reads back every engine cell', async () => {
    const book = new FakeBook();
    installFakeExcel(book);
    const settings = installOffice();
    const r = await runTest(scenario);
    expect(r.checks.filter((c) => !c.pass)).toEqual([]);
    expect(r.checks.map((c) => c.name)).toEqual(expect.arrayContaining([
      'insert: our inputs sheet avoids the user\'s "CEQ Inputs"', "insert: the user's own sheet is untouched",
      'insert: data validation enforces the catalogue range (churn 0 to 0.95)', 'insert again: no new sheets',
      "insert again: the user's cell on our sheet is kept", 'read: the inputs sheet gives the scenario back',
      'saved scenarios: saved into the document settings and read back', "comparison: its sheet has the table's two charts",
    ]));
    expect(book.calculations).toBe(1);
    expect(r.cells).toHaveLength(buildWorkbook(scenario, { sheets: ['inputs', 'plain', 'summary'] }).outputs.length);
    // After reopening (the settings as the document holds them), the saved scenario is found.
    (globalThis as unknown as { Office: { context: { document: { settings: unknown } } } }).Office.context.document.settings = settings.reopen().settings;
    expect(checkAfterReopen().checks).toEqual([expect.objectContaining({ pass: true })]);
    expect(settings.persisted()['ceq.savedScenarios']).toMatchObject({ items: [{ name: SAVED_NAME }] });
  });

  it('refuses to run in a workbook that already has our sheets', async () => {
    const book = new FakeBook();
    installFakeExcel(book);
    installOffice();
    await runTest(scenario);
    const again = await runTest(scenario);
    expect(again.checks).toEqual([expect.objectContaining({ pass: false, name: 'the workbook is new and blank' })]);
  });
});

describe('the real-Excel test server', () => {
  const engineCells = (): Results['cells'] => {
    const wb = buildWorkbook(scenario, { sheets: ['inputs', 'plain', 'summary'] });
    return wb.outputs.map((o) => ({ ref: o.ref, value: engineValue(o.ref, scenario, wb.result), at: `${o.sheet}!R${o.row + 1}C${o.col + 1}` }));
  };

  /** Starts `node test/excel/server.mjs --http --port 0` as a person would; resolves its address, output and exit code. */
  function start() {
    const child = spawn(process.execPath, [join(__dirname, 'server.mjs'), '--http', '--port', '0', '--timeout', '60'], { cwd: root });
    let out = '';
    const exit = new Promise<number | null>((r) => child.on('exit', r));
    const address = new Promise<string>((resolve, reject) => {
      child.stdout.on('data', (d) => {
        out += d;
        const m = /serving the real-Excel test at (http:\/\/localhost:\d+)/.exec(out);
        if (m) resolve(m[1]);
      });
      child.stderr.on('data', (d) => { out += d; });
      child.on('exit', () => reject(new Error(out)));
    });
    return { child, address, exit, output: () => out };
  }

  it('serves the page, its script, the manifest and the scenario, and passes results that match the engine', async () => {
    const server = start();
    const address = await server.address;
    const page = await (await fetch(`${address}/taskpane.html`)).text();
    expect(page).toContain('office.js');
    expect(page).toContain('CeqExcelTest.main');
    const script = await (await fetch(`${address}/in-excel.js`)).text();
    expect(script).toMatch(/var CeqExcelTest/);
    const manifest = await (await fetch(`${address}/manifest.xml`)).text();
    expect(manifest).toContain('<SourceLocation DefaultValue="https://localhost:4201/taskpane.html"/>');
    expect(manifest).not.toContain(readFileSync(join(root, 'manifest.xml'), 'utf8').match(/<Id>([^<]+)<\/Id>/)![1]);
    const job = await (await fetch(`${address}/scenario`)).json();
    expect(scenarioFromJson(job.scenario).segments).toEqual(scenario.segments);
    const results: Results = { phase: 'run', host: 'Fake', checks: [{ name: 'a check', pass: true }], cells: engineCells() };
    await fetch(`${address}/results`, { method: 'POST', body: JSON.stringify(results) });
    expect(await server.exit).toBe(0);
    expect(server.output()).toMatch(/pass {2}\d+ engine cells as Excel computes them equal the engine/);
    expect(server.output().trim().split('\n').at(-1)).toBe('2 passed, 0 failed');
  }, 60_000);

  it('fails, naming the cell, when a number Excel computed differs from the engine', async () => {
    const server = start();
    const address = await server.address;
    const cells = engineCells();
    cells[5] = { ...cells[5], value: (cells[5].value as number) * (1 + 1e-6) };
    await fetch(`${address}/results`, { method: 'POST', body: JSON.stringify({ phase: 'run', checks: [], cells }) });
    expect(await server.exit).toBe(1);
    expect(server.output()).toContain(cells[5].at);
    expect(server.output().trim().split('\n').at(-1)).toBe('0 passed, 1 failed');
  }, 60_000);
});
