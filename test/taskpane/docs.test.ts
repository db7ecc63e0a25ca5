/**
 * The example figures in docs/taskpane.md and docs/panel.md are the engine's, formatted as the pane
 * formats them: a change to the engine or an example that moves them fails here until the docs follow.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { runScenario, type Language, type ScenarioJson, scenarioFromJson } from '../../src/engine';
import { formats, periodText, t, type MessageKey } from '../../src/i18n';
import { EXAMPLE_IDS } from '../../src/taskpane/examples';

const ROOT = join(__dirname, '../..');
const normalise = (s: string) => s.replace(/[\u00a0\u202f]/g, ' ');

function expectedRows(lang: Language): string[] {
  const fmt = lang === 'es' ? formats('es-ES', 'EUR') : formats('en-US', 'USD');
  return EXAMPLE_IDS.map((id) => {
    const s = scenarioFromJson(JSON.parse(readFileSync(join(ROOT, 'examples', `${id}.json`), 'utf8')) as ScenarioJson);
    const c = runScenario(s).comparisons[0];
    const ppy = s.settings.periodsPerYear;
    const cells = [
      t(lang, `example.${id}` as MessageKey),
      `${s.settings.horizonYears} ${t(lang, 'unitYears')}`,
      t(lang, `choice.periodsPerYear.${ppy}` as MessageKey).toLowerCase(),
      String(s.segments.length),
      periodText(c.breakevenPeriod, ppy, lang),
      fmt.moneyShort(c.shortTermSacrifice),
      fmt.moneyShort(c.npvDelta),
      fmt.moneyShort(c.customerEquityDelta),
      fmt.moneyShort(c.tenureNpvDelta),
    ];
    return normalise(`| ${cells.join(' | ')} |`);
  });
}

function documentedRows(file: string): string[] {
  const page = readFileSync(join(ROOT, 'docs', file), 'utf8');
  const block = /<!-- examples:start -->\n([\s\S]*?)<!-- examples:end -->/.exec(page);
  if (!block) throw new Error(`docs/${file} has no <!-- examples:start --> … <!-- examples:end --> table`);
  return block[1].trim().split('\n').slice(2).map(normalise);
}

describe('example figures in the task pane guides', () => {
  it('docs/taskpane.md (English, USD)', () => {
    expect(documentedRows('taskpane.md')).toEqual(expectedRows('en'));
  });

  it('docs/panel.md (Spanish, EUR)', () => {
    expect(documentedRows('panel.md')).toEqual(expectedRows('es'));
  });
});
