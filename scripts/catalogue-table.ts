/**
 * The assumption tables of docs/model.md (English) and docs/modelo.md (Spanish), rendered from the
 * assumption catalogue. The tables are never edited by hand: `node scripts/docs-catalogue.mjs` writes
 * them between the markers below, and test/docs/model-docs.test.ts fails when a page differs from
 * what this module renders.
 */
import { CATALOGUE, type AssumptionSpec, type Scope, type Unit } from '../src/engine/model/catalogue';

export type DocLanguage = 'en' | 'es';

export const CATALOGUE_START = '<!-- catalogue:start -->';
export const CATALOGUE_END = '<!-- catalogue:end -->';

const SCOPES: readonly Scope[] = ['scenario', 'segment', 'behaviour', 'plan'];

const SCOPE_TITLE: Record<DocLanguage, Record<Scope, string>> = {
  en: { scenario: 'Scenario settings', segment: 'Customer segment', behaviour: 'Behaviour', plan: 'Incentive plan' },
  es: { scenario: 'Escenario', segment: 'Segmento de clientes', behaviour: 'Comportamiento', plan: 'Plan de incentivos' },
};

const SCOPE_NOTE: Record<DocLanguage, Record<Scope, string>> = {
  en: {
    scenario: 'One value per scenario.',
    segment: 'One value per customer segment.',
    behaviour: 'How people respond to pay: one value per scenario, shared by every segment and plan.',
    plan: 'The baseline plan and each proposed plan have their own values; a plan applies to every segment.',
  },
  es: {
    scenario: 'Un valor por escenario.',
    segment: 'Un valor por segmento de clientes.',
    behaviour: 'Cómo responden las personas a la retribución: un valor por escenario, común a todos los segmentos y planes.',
    plan: 'El plan base y cada plan propuesto tienen sus propios valores; un plan se aplica a todos los segmentos.',
  },
};

const HEADER: Record<DocLanguage, readonly string[]> = {
  en: ['key', 'label', 'unit', 'valid range', 'default', 'meaning', 'source'],
  es: ['clave', 'nombre', 'unidad', 'rango válido', 'valor por defecto', 'significado', 'fuente'],
};

const UNIT: Record<DocLanguage, Record<Unit, string>> = {
  en: { count: 'count', currency: 'currency', share: 'share', rate: 'rate', years: 'years', exponent: 'exponent', multiplier: 'multiplier', choice: 'choice' },
  es: { count: 'número', currency: 'importe', share: 'proporción', rate: 'tasa', years: 'años', exponent: 'exponente', multiplier: 'multiplicador', choice: 'opción' },
};

const WHOLE: Record<DocLanguage, string> = { en: 'whole number', es: 'entero' };
const OR: Record<DocLanguage, string> = { en: 'or', es: 'o' };
const NO_SOURCE = '—';

/** Shares and rates are stored as fractions and shown as percentages. */
const isPercent = (unit: Unit): boolean => unit === 'share' || unit === 'rate';

/** A number as the page prints it: 24,000 and 0.78 in English, 24 000 and 0,78 in Spanish. */
export function formatNumber(value: number, language: DocLanguage): string {
  const text = String(+value.toPrecision(12));
  const negative = text.startsWith('-');
  const [whole, fraction] = (negative ? text.slice(1) : text).split('.');
  const grouped = whole.replace(/\B(?=(\d{3})+(?!\d))/g, language === 'en' ? ',' : ' ');
  const decimal = language === 'en' ? '.' : ',';
  return `${negative ? '−' : ''}${grouped}${fraction ? decimal + fraction : ''}`;
}

function formatValue(value: number, unit: Unit, language: DocLanguage): string {
  return isPercent(unit) ? `${formatNumber(value * 100, language)} %` : formatNumber(value, language);
}

function formatRange(spec: AssumptionSpec, language: DocLanguage): string {
  if (spec.allowed) {
    const values = spec.allowed.map((v) => formatNumber(v, language));
    return `${values.slice(0, -1).join(', ')} ${OR[language]} ${values[values.length - 1]}`;
  }
  const range = isPercent(spec.unit)
    ? `${formatNumber(spec.min * 100, language)} – ${formatNumber(spec.max * 100, language)} %`
    : `${formatNumber(spec.min, language)} – ${formatNumber(spec.max, language)}`;
  return spec.integer ? `${range} (${WHOLE[language]})` : range;
}

/** A table cell: pipes escaped, line breaks folded. */
function cell(text: string): string {
  return text.replace(/\|/g, '\\|').replace(/\s*\n\s*/g, ' ');
}

function row(cells: readonly string[]): string {
  return `| ${cells.map(cell).join(' | ')} |`;
}

function scopeTable(scope: Scope, language: DocLanguage): string {
  const header = HEADER[language];
  const lines = [
    `### ${SCOPE_TITLE[language][scope]} (\`${scope}\`)`,
    '',
    SCOPE_NOTE[language][scope],
    '',
    row(header),
    row(header.map(() => '---')),
  ];
  for (const spec of CATALOGUE as readonly AssumptionSpec[]) {
    if (spec.scope !== scope) continue;
    lines.push(row([
      `\`${spec.key}\``,
      spec.label[language],
      UNIT[language][spec.unit],
      formatRange(spec, language),
      formatValue(spec.defaultValue, spec.unit, language),
      spec.meaning[language],
      spec.source === undefined ? NO_SOURCE : typeof spec.source === 'string' ? spec.source : spec.source[language],
    ]));
  }
  return lines.join('\n');
}

/** Every catalogue row, one Markdown table per scope (scenario, segment, behaviour, plan), in catalogue order. */
export function renderCatalogueTables(language: DocLanguage): string {
  return SCOPES.map((scope) => scopeTable(scope, language)).join('\n\n');
}

/**
 * The page with the text between its catalogue markers replaced by freshly rendered tables. Throws
 * when the markers are missing, repeated or out of order.
 */
export function withCatalogueTables(page: string, language: DocLanguage): string {
  const start = page.indexOf(CATALOGUE_START);
  const end = page.indexOf(CATALOGUE_END);
  if (start < 0 || end < 0 || end < start
    || page.indexOf(CATALOGUE_START, start + 1) >= 0 || page.indexOf(CATALOGUE_END, end + 1) >= 0) {
    throw new Error(`the page needs exactly one ${CATALOGUE_START} followed by exactly one ${CATALOGUE_END}`);
  }
  const before = page.slice(0, start + CATALOGUE_START.length);
  const after = page.slice(end);
  return `${before}\n${renderCatalogueTables(language)}\n${after}`;
}
