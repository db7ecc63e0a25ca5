/**
 * docs/quotas.md and docs/cuotas.md cannot drift from the code: their plan tables are the example's
 * input, every table after `<!-- check: id -->` is recomputed with the engine and compared to the last
 * digit shown, and the table of quota keys is the catalogue's. The quota sections of docs/functions.md
 * and docs/funciones.md are checked the same way against CEQ.PAYOUT and CEQ.ATTAINMENT's engine
 * functions.
 */
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { formatNumber, type DocLanguage } from '../../scripts/catalogue-table';
import {
  attainmentBands, DEFAULT_ATTAINMENT_BANDS, findQuotaKey, payout, QUOTA_CATALOGUE, rolesOf, type QuotaSpec,
} from '../../src/engine';
import { excelFunctionName } from '../../src/functions/excel-names';
import { exampleScenario, exampleTables, type Cell } from './quotas-docs-example';

const read = (path: string) => readFileSync(resolve(__dirname, '../..', path), 'utf8');
const PAGES: Record<DocLanguage, string> = { en: 'docs/quotas.md', es: 'docs/cuotas.md' };
const FUNCTION_PAGES: Record<DocLanguage, string> = { en: 'docs/functions.md', es: 'docs/funciones.md' };

/** A number as a page prints it: "−94,364", "43.3 %", "0.9273" in English; "−94 364", "0,9273" in Spanish. */
function shownNumber(text: string, language: DocLanguage): { value: number; decimals: number } | undefined {
  const t = text.trim().replace(/\u2212/g, '-');
  const plain = language === 'en' ? t.replace(/,/g, '') : t.replace(/[\s\u00a0\u202f]/g, '').replace(',', '.');
  const m = /^(-?\d+)(?:\.(\d+))?\s*(%?)$/.exec(plain.replace(/\s+%$/, '%'));
  if (!m) return undefined;
  const percent = m[3] === '%';
  return { value: Number(`${m[1]}${m[2] ? `.${m[2]}` : ''}`) / (percent ? 100 : 1), decimals: (m[2]?.length ?? 0) + (percent ? 2 : 0) };
}

/** The Markdown table right after `<!-- kind: id -->`, as cells (backticks stripped), header first. */
function tablesAfter(page: string, kind: string): Map<string, string[][]> {
  const out = new Map<string, string[][]>();
  for (const m of page.matchAll(new RegExp(`<!-- ${kind}: (\\S+) -->\\n((?:\\|.*\\|\\n?)+)`, 'g'))) {
    const lines = m[2].trim().split('\n').map((l) => l.slice(1, -1).split('|').map((c) => c.trim().replace(/^`|`$/g, '')));
    out.set(m[1], [lines[0], ...lines.slice(2)]);
  }
  return out;
}

function expectShown(shown: string, expected: Cell, language: DocLanguage, where: string): void {
  if (typeof expected === 'string') {
    expect({ where, shown }).toEqual({ where, shown: expected });
    return;
  }
  const n = shownNumber(shown, language);
  if (!n) throw new Error(`${where}: "${shown}" is not a number`);
  const tolerance = 0.5 * 10 ** -n.decimals * (1 + 1e-9) + 1e-9 * Math.abs(expected);
  if (!(Math.abs(n.value - expected) <= tolerance)) throw new Error(`${where}: the page shows ${shown}, the engine gives ${expected}`);
}

/** The example's inputs, read from the page: the current plan and the changes the proposal makes. */
function plansOf(page: string, language: DocLanguage) {
  const plans = tablesAfter(page, 'plan');
  const number = (text: string) => shownNumber(text, language)!.value;
  const current = Object.fromEntries(plans.get('current')!.slice(1).map(([key, value]) => [key, number(value)]));
  const changes = Object.fromEntries(plans.get('changes')!.slice(1).map(([key, , proposed]) => [key, number(proposed)]));
  const before = plans.get('changes')!.slice(1).map(([key, was]) => [key, was]);
  return { current, changes, before };
}

describe.each(['en', 'es'] as const)('the worked example of the %s page', (language) => {
  const page = read(PAGES[language]);
  const { current, changes, before } = plansOf(page, language);
  const s = exampleScenario(current, changes);

  it('reads its plans from the page, and the "current" column of the changes is the current plan', () => {
    const roles = rolesOf(s.baseline.values);
    for (const [key, shown] of before) {
      const quota = findQuotaKey(key)!;
      const role = roles.find((r) => r.id === quota.role);
      const values = quota.component ? role?.components[quota.component] : role?.values;
      if (!values) expect({ key, shown }).toEqual({ key, shown: '—' });
      else expectShown(shown, (values as Record<string, number>)[quota.spec.key], language, `${key} current`);
    }
  });

  it('shows every checked table as the engine computes it', () => {
    const expected = exampleTables(s, language);
    const tables = tablesAfter(page, 'check');
    expect([...tables.keys()].sort()).toEqual(Object.keys(expected).sort());
    for (const [id, [, ...rows]] of tables) {
      expect({ id, rows: rows.length }).toEqual({ id, rows: expected[id].length });
      rows.forEach((row, r) => expected[id][r].forEach((value, c) => expectShown(row[c + 1], value, language, `${PAGES[language]} ${id} row ${r + 1} column ${c + 2}`)));
    }
  });

  it('lists every quota key as the catalogue has it: label, unit, range, default and meaning', () => {
    const [, ...rows] = tablesAfter(page, 'quota-keys').get('all')!;
    expect(rows.map((r) => r[1])).toEqual(QUOTA_CATALOGUE.map((spec) => spec.key));
    rows.forEach((row, i) => expect(row.slice(2)).toEqual(catalogueRow(QUOTA_CATALOGUE[i], language)));
  });
});

const UNIT: Record<DocLanguage, Record<string, string>> = {
  en: { count: 'count', currency: 'currency', share: 'share', multiplier: 'multiplier' },
  es: { count: 'número', currency: 'importe', share: 'proporción', multiplier: 'multiplicador' },
};

/** label, unit, valid range, default, meaning: as docs/model.md prints catalogue rows. */
function catalogueRow(spec: QuotaSpec, language: DocLanguage): string[] {
  const percent = spec.unit === 'share';
  const f = (v: number) => formatNumber(percent ? v * 100 : v, language);
  return [spec.label[language], UNIT[language][spec.unit], `${f(spec.min)} – ${f(spec.max)}${percent ? ' %' : ''}`, `${f(spec.defaultValue)}${percent ? ' %' : ''}`,
    spec.meaning[language]];
}

describe.each(['en', 'es'] as const)('the quota functions in %s', (language) => {
  const page = read(FUNCTION_PAGES[language]);
  const section = page.slice(page.indexOf(language === 'en' ? '## Quota and payout functions' : '## Funciones de cuotas y pagos'));
  const name = (id: string) => excelFunctionName(id, language);
  /** The arguments of a formula the page shows: `;` and decimal commas in Spanish. */
  const argsOf = (formula: string, id: string) => {
    const inner = formula.slice(formula.indexOf(`${name(id)}(`) + name(id).length + 1, formula.lastIndexOf(')'));
    return (language === 'es' ? inner.split(';').map((a) => a.replace(',', '.')) : inner.split(',')).map((a) => Number(a.trim()));
  };

  it('has a section that names both functions', () => {
    expect(section.length).toBeGreaterThan(500);
    for (const id of ['PAYOUT', 'ATTAINMENT']) expect(section).toContain(`\`${name(id)}`);
  });

  it('shows CEQ.PAYOUT results as the payout curve computes them', () => {
    const [, ...rows] = tablesAfter(section, 'check').get('formulas')!;
    expect(rows.length).toBeGreaterThanOrEqual(5);
    for (const [formula, shown] of rows) {
      const [a, threshold, accelerator, cap, decelerator = 1] = argsOf(formula, 'PAYOUT');
      expectShown(shown, payout(a, { threshold, accelerator, cap, decelerator }), language, formula);
    }
  });

  it('shows the CEQ.ATTAINMENT spill as the lognormal bands compute it', () => {
    // `<!-- spill: =CEQ.ATTAINMENT(…) -->` then the spill as a table.
    const spills = [...section.matchAll(/<!-- spill: (=.+?) -->\n((?:\|.*\|\n?)+)/g)];
    expect(spills.length).toBeGreaterThanOrEqual(1);
    for (const [, formula, table] of spills) {
      const [header, , ...rows] = table.trim().split('\n').map((l) => l.slice(1, -1).split('|').map((c) => c.trim()));
      expect(header).toEqual(['from', 'to', 'share']);
      const [mean, cv] = argsOf(formula, 'ATTAINMENT');
      const shares = attainmentBands(mean, cv, DEFAULT_ATTAINMENT_BANDS);
      expect(rows).toHaveLength(shares.length);
      rows.forEach(([from, to, share], k) => {
        expectShown(from, k === 0 ? 0 : DEFAULT_ATTAINMENT_BANDS[k - 1], language, `${formula} from ${k}`);
        if (k < DEFAULT_ATTAINMENT_BANDS.length) expectShown(to, DEFAULT_ATTAINMENT_BANDS[k], language, `${formula} to ${k}`);
        else expect(to).toBe('');
        expectShown(share, shares[k], language, `${formula} share ${k}`);
      });
    }
  });
});
