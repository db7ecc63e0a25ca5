import { spawnSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, readFileSync, rmSync, statSync, writeFileSync, existsSync, readdirSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import ExcelJS from 'exceljs';
import JSZip from 'jszip';
import { scenarioFromJson, yearly } from '../../src/engine';
import { buildWorkbook, parseRange, type CellSpec } from '../../src/workbook';
import { close, evaluate } from './hf';

/**
 * The export CLI end to end: write .xlsx files, read them back with exceljs, recompute their formulas
 * with HyperFormula and (where installed) LibreOffice, and compare with the engine.
 */
const root = join(__dirname, '../..');
const work = mkdtempSync(join(tmpdir(), 'ceq-export-test-'));
afterAll(() => rmSync(work, { recursive: true, force: true }));

function runExport(...args: string[]) {
  return spawnSync(process.execPath, [join(root, 'scripts/export.mjs'), ...args], { encoding: 'utf8', cwd: root });
}

interface ReadBack {
  sheets: { name: string; cells: CellSpec[] }[];
  names: { name: string; sheetName: string; ref: string }[];
}

async function readBack(file: string): Promise<ReadBack> {
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.readFile(file);
  const sheets: ReadBack['sheets'] = [];
  wb.eachSheet((ws) => {
    const cells: CellSpec[] = [];
    ws.eachRow({ includeEmpty: false }, (row, r) => row.eachCell({ includeEmpty: false }, (cell, c) => {
      const v = cell.value as unknown;
      if (v && typeof v === 'object' && 'formula' in v) {
        const f = v as { formula: string; result?: unknown };
        // exceljs reads a cached <v>0</v> back as no result: the raw XML is checked separately.
        cells.push({ row: r - 1, col: c - 1, formula: f.formula, result: (f.result ?? 0) as CellSpec['result'] });
      } else if (typeof v === 'number' || typeof v === 'string' || typeof v === 'boolean') cells.push({ row: r - 1, col: c - 1, value: v });
    }));
    sheets.push({ name: ws.name, cells });
  });
  const names = (wb.definedNames.model as { name: string; ranges: string[] }[]).map((n) => {
    const m = /^'?(.*?)'?!(.+)$/.exec(n.ranges[0])!;
    return { name: n.name, sheetName: m[1].replace(/''/g, "'"), ref: m[2] };
  });
  return { sheets, names };
}

const examples = readdirSync(join(root, 'examples')).filter((f) => f.endsWith('.json'));

describe('npm run export', () => {
  it('prints usage and fails without --scenario and --out', () => {
    const r = runExport();
    expect(r.status).not.toBe(0);
    expect(r.stderr).toMatch(/usage: npm run export/);
  });

  it('reports an invalid scenario by key and writes nothing', () => {
    const bad = join(work, 'bad.json');
    writeFileSync(bad, JSON.stringify({ settings: { horizonYears: 99 }, segments: [{ name: 'A', values: { churnn: 0.1 } }] }));
    const out = join(work, 'bad.xlsx');
    const r = runExport('--scenario', bad, '--out', out);
    expect(r.status).not.toBe(0);
    expect(r.stderr).toMatch(/horizonYears/);
    expect(r.stderr).toMatch(/churnn/);
    expect(existsSync(out)).toBe(false);
  });

  it.each(examples)('%s: formulas read back from the file and recomputed equal the engine', async (file) => {
    const out = join(work, file.replace('.json', '.xlsx'));
    const r = runExport('--scenario', join(root, 'examples', file), '--out', out);
    expect(r.stderr).toBe('');
    expect(r.status).toBe(0);
    expect(statSync(out).size).toBeLessThan(2_000_000);

    const s = scenarioFromJson(JSON.parse(readFileSync(join(root, 'examples', file), 'utf8')));
    const built = buildWorkbook(s, { sheets: ['inputs', 'plain', 'summary'] });
    const back = await readBack(out);
    expect(back.sheets.map((x) => x.name)).toEqual(built.sheets.map((x) => x.name));
    expect(back.names.length).toBe(built.names.length);

    // Every <f> in the file is followed by its cached <v>.
    const zip = await JSZip.loadAsync(readFileSync(out));
    for (const path of Object.keys(zip.files).filter((p) => /^xl\/worksheets\/sheet\d+\.xml$/.test(p))) {
      const xml = await zip.file(path)!.async('string');
      const formulas = xml.match(/<f>/g)?.length ?? 0;
      const cached = xml.match(/<\/f><v>/g)?.length ?? 0;
      expect(cached).toBe(formulas);
    }

    const ev = evaluate(back.sheets, back.names);
    const failures: string[] = [];
    // Every formula cell carries a cached result, and HyperFormula recomputes the same value.
    for (const sh of back.sheets) {
      for (const c of sh.cells) {
        if (c.formula === undefined) continue;
        if (c.result === undefined) failures.push(`${sh.name} R${c.row + 1}C${c.col + 1}: no cached result`);
        else if (!close(ev.value(sh.name, c.row, c.col), c.result)) failures.push(`${sh.name} R${c.row + 1}C${c.col + 1}: ${String(ev.value(sh.name, c.row, c.col))} vs cached ${String(c.result)}`);
      }
    }
    // Engine outputs: the cached value is the engine's own number.
    for (const o of built.outputs) {
      const sheet = built.sheets.find((x) => x.key === o.sheet)!;
      const expected = sheet.cells.find((c) => c.row === o.row && c.col === o.col)!.result;
      const cached = back.sheets.find((x) => x.name === sheet.name)!.cells.find((c) => c.row === o.row && c.col === o.col)!.result;
      if (cached !== expected) failures.push(`${JSON.stringify(o.ref)}: cached ${String(cached)} vs engine ${String(expected)}`);
    }
    expect(failures.slice(0, 10)).toEqual([]);
  });

  it('the summary sheet carries its three native charts, each series referring to its range with the values cached', async () => {
    const file = 'mid-market-saas.json';
    const out = join(work, 'charts.xlsx');
    expect(runExport('--scenario', join(root, 'examples', file), '--out', out).status).toBe(0);
    const s = scenarioFromJson(JSON.parse(readFileSync(join(root, 'examples', file), 'utf8')));
    const built = buildWorkbook(s, { sheets: ['inputs', 'plain', 'summary'] });
    const summary = built.sheets.find((x) => x.key === 'summary')!;
    const zip = await JSZip.loadAsync(readFileSync(out));
    const types = await zip.file('[Content_Types].xml')!.async('string');
    const sheetXml = await zip.file('xl/worksheets/sheet3.xml')!.async('string');
    expect(sheetXml).toMatch(/<drawing r:id="rIdCeqDrawing"\/><\/worksheet>|<drawing r:id="rIdCeqDrawing"\/><(tableParts|extLst)/);
    const rels = await zip.file('xl/worksheets/_rels/sheet3.xml.rels')!.async('string');
    expect(rels).toContain('Target="../drawings/drawing1.xml"');
    expect(summary.charts.map((c) => c.type)).toEqual(['line', 'column', 'column']);
    for (const [k, chart] of summary.charts.entries()) {
      const path = `xl/charts/chart${k + 1}.xml`;
      expect(types).toContain(`PartName="/${path}"`);
      const xml = await zip.file(path)!.async('string');
      expect(xml).toContain(chart.title);
      expect(xml).toContain(chart.type === 'line' ? '<c:lineChart>' : '<c:barChart><c:barDir val="col"/>');
      // Each series: its name, its range on the summary sheet, and the engine's yearly numbers cached.
      const series = [...xml.matchAll(/<c:ser>(.*?)<\/c:ser>/g)].map((m) => m[1]);
      expect(series).toHaveLength(chart.series.length);
      chart.series.forEach((sp, i) => {
        expect(series[i]).toContain(`<c:v>${sp.name}</c:v>`);
        expect(series[i]).toContain(`<c:f>'CEQ Summary'!${sp.values}</c:f>`);
        const cached = [...series[i].split('<c:val>')[1].matchAll(/<c:v>([^<]+)<\/c:v>/g)].map((m) => Number(m[1]));
        const b = parseRange(sp.values);
        const expected = summary.cells.filter((c) => c.col === b.c0 && c.row >= b.r0 && c.row <= b.r1).sort((x, y) => x.row - y.row).map((c) => c.result);
        expect(cached).toEqual(expected);
        expect(cached).toHaveLength(s.settings.horizonYears);
      });
    }
    // The yearly ARR the first chart draws is the engine's.
    const arr = [...(await zip.file('xl/charts/chart1.xml')!.async('string')).split('<c:val>')[1].split('</c:val>')[0].matchAll(/<c:v>([^<]+)<\/c:v>/g)].map((m) => Number(m[1]));
    expect(arr).toEqual(yearly(built.result.baseline).map((y) => y.arr));
  });

  it('in Spanish: Spanish sheet names and labels, the same numbers', async () => {
    const out = join(work, 'es.xlsx');
    const r = runExport('--scenario', join(root, 'examples', 'high-touch-services.json'), '--out', out, '--lang', 'es');
    expect(r.status).toBe(0);
    const back = await readBack(out);
    expect(back.sheets.map((x) => x.name)).toEqual(['CEQ Datos', 'CEQ Modelo', 'CEQ Resumen']);
    const ev = evaluate(back.sheets, back.names);
    const s = scenarioFromJson(JSON.parse(readFileSync(join(root, 'examples', 'high-touch-services.json'), 'utf8')));
    const built = buildWorkbook(s, { sheets: ['inputs', 'plain', 'summary'], lang: 'es' });
    let compared = 0;
    for (const o of built.outputs) {
      const sheet = built.sheets.find((x) => x.key === o.sheet)!;
      const expected = sheet.cells.find((c) => c.row === o.row && c.col === o.col)!.result;
      expect(close(ev.value(sheet.name, o.row, o.col), expected)).toBe(true);
      compared++;
    }
    expect(compared).toBeGreaterThan(1000);
    expect(back.sheets[2].cells.find((c) => c.row === 0 && c.col === 0)?.value).toBe('Customer Equity Planner: resumen');
  });
});

/**
 * LibreOffice headless, where installed (CI does not have it: these tests then show as skipped, with
 * the reason in their title): it recomputes a file written without cached results.
 */
const soffice = process.env.CEQ_SOFFICE === 'none' ? undefined // to see the suite as CI sees it
  : [process.env.CEQ_SOFFICE, '/usr/bin/soffice', '/usr/local/bin/soffice', '/opt/libreoffice/program/soffice'].find((p) => p && existsSync(p));
const describeLo = soffice ? describe : describe.skip;

describeLo(`LibreOffice recomputes the exported workbook${soffice ? '' : ' (skipped: soffice not installed; apt-get install libreoffice-calc)'}`, () => {
  const profile = join(work, 'lo-profile');
  beforeAll(() => {
    // A private profile that recalculates every OOXML file on load (the default may keep cached values).
    mkdirSync(join(profile, 'user'), { recursive: true });
    writeFileSync(join(profile, 'user', 'registrymodifications.xcu'), `<?xml version="1.0" encoding="UTF-8"?>
<oor:items xmlns:oor="http://openoffice.org/2001/registry" xmlns:xs="http://www.w3.org/2001/XMLSchema" xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance">
<item oor:path="/org.openoffice.Office.Calc/Formula/Load"><prop oor:name="OOXMLRecalcMode" oor:op="fuse"><value>0</value></prop></item>
</oor:items>`);
  });
  const lo = (args: string[]) => spawnSync(soffice!, [`-env:UserInstallation=file://${profile}`, '--headless', ...args], { encoding: 'utf8', cwd: work, timeout: 180_000 });

  it.each(examples)('%s: values LibreOffice computes from formulas alone equal the engine', async (file) => {
    const bare = join(work, `bare-${file.replace('.json', '.xlsx')}`);
    expect(runExport('--scenario', join(root, 'examples', file), '--out', bare, '--formulas-only').status).toBe(0);
    const outDir = join(work, 'lo');
    lo(['--convert-to', 'xlsx', '--outdir', outDir, bare]);
    const recomputed = await readBack(join(outDir, `bare-${file.replace('.json', '.xlsx')}`));
    const s = scenarioFromJson(JSON.parse(readFileSync(join(root, 'examples', file), 'utf8')));
    const built = buildWorkbook(s, { sheets: ['inputs', 'plain', 'summary'] });
    let compared = 0;
    const failures: string[] = [];
    for (const o of built.outputs) {
      const sheet = built.sheets.find((x) => x.key === o.sheet)!;
      const expected = sheet.cells.find((c) => c.row === o.row && c.col === o.col)!.result;
      const got = recomputed.sheets.find((x) => x.name === sheet.name)!.cells.find((c) => c.row === o.row && c.col === o.col);
      compared++;
      if (!close(got?.result ?? got?.value, expected)) failures.push(`${JSON.stringify(o.ref)}: LibreOffice ${String(got?.result)} vs engine ${String(expected)}`);
    }
    expect(compared).toBeGreaterThan(100);
    expect(failures.slice(0, 10)).toEqual([]);
  }, 240_000);

  it('reads our charts: a file LibreOffice saves again still has the three charts of the summary sheet', async () => {
    const out = join(work, 'lo', 'bare-mid-market-saas.xlsx');
    const zip = await JSZip.loadAsync(readFileSync(out));
    const charts = Object.keys(zip.files).filter((p) => /^xl\/charts\/chart\d+\.xml$/.test(p));
    expect(charts).toHaveLength(3);
  });

  const pdftoppm = spawnSync('pdftoppm', ['-v'], { encoding: 'utf8' }).error === undefined;
  (pdftoppm ? it : it.skip)(`scripts/render-sheets.sh renders the docs' screenshots${pdftoppm ? '' : ' (skipped: pdftoppm not installed)'}`, () => {
    const shots = join(work, 'shots');
    const r = spawnSync('bash', [join(root, 'scripts/render-sheets.sh')], { encoding: 'utf8', env: { ...process.env, OUT: shots, DPI: '40' }, timeout: 240_000 });
    expect(r.stderr).toBe('');
    expect(r.status).toBe(0);
    for (const name of ['sheet-inputs', 'sheet-model', 'sheet-summary', 'sheet-model-periods']) {
      const png = readFileSync(join(shots, `${name}.png`));
      expect(png.subarray(1, 4).toString()).toBe('PNG');
      // Trimmed to the printed content: wider than tall for every sheet, and not an empty page.
      const [w, h] = [png.readUInt32BE(16), png.readUInt32BE(20)];
      expect(w).toBeGreaterThan(h);
      expect(h).toBeGreaterThan(40);
    }
  }, 240_000);
});
