import { spawnSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, readFileSync, rmSync, statSync, writeFileSync, existsSync, readdirSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import ExcelJS from 'exceljs';
import JSZip from 'jszip';
import { scenarioFromJson } from '../../src/engine';
import { buildWorkbook, type CellSpec } from '../../src/workbook';
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
});

/** LibreOffice headless, where installed: it recomputes a file written without cached results. */
const soffice = ['/usr/bin/soffice', '/usr/local/bin/soffice', '/opt/libreoffice/program/soffice'].find((p) => existsSync(p));
const describeLo = soffice ? describe : describe.skip;

describeLo('LibreOffice recomputes the exported workbook', () => {
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

  it('renders the summary sheet to PDF and PNG (pdftoppm)', () => {
    const xlsx = join(work, 'preview.xlsx');
    expect(runExport('--scenario', join(root, 'examples', 'mid-market-saas.json'), '--out', xlsx, '--print-preview').status).toBe(0);
    lo(['--convert-to', 'pdf', '--outdir', work, xlsx]);
    const pdf = join(work, 'preview.pdf');
    expect(existsSync(pdf)).toBe(true);
    const pdftoppm = spawnSync('pdftoppm', ['-png', '-r', '50', '-f', '1', '-l', '1', pdf, join(work, 'page')], { encoding: 'utf8' });
    if (pdftoppm.error) return; // poppler-utils absent: the PDF is enough
    expect(readdirSync(work).some((f) => f.startsWith('page') && f.endsWith('.png'))).toBe(true);
  }, 240_000);
});
