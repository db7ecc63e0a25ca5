/**
 * The Uncertainty tab's table editor as a user meets it (jsdom): the default table every serious run
 * starts with, adding and removing rows, bad parameters marked with the valid range while the text
 * stays as typed, the engine's own checks pinned to the row they are about, units, and Spanish.
 */
import * as React from 'react';
import { act, configure, fireEvent, render, screen, within } from '@testing-library/react';
import { defaultUncertaintyRows, findSpec, scenarioFromJson, type ScenarioJson } from '../../src/engine';
import midMarket from '../../examples/mid-market-saas.json';
import { App } from '../../src/taskpane/App';
import { defaultTable, evaluateTable } from '../../src/taskpane/uncertainty/table';

configure({ defaultHidden: true });

const example = () => scenarioFromJson(midMarket as ScenarioJson);
/** The default table of the mid-market example (three segments): behaviour, then each business key per segment. */
const SEGMENTS = ['SMB', 'Mid-market', 'Enterprise'];
const DEFAULT_KEYS = [
  'responsiveness', 'effortElasticity', 'nonCashPull', 'attritionElasticity', 'elasticityAcquire', 'elasticityRetain', 'elasticityExpand', 'elasticityResolution',
  ...['churn', 'newCustomers', 'expansion', 'arpa'].flatMap((k) => SEGMENTS.map(() => k)), 'discountRate',
];
const type = (el: HTMLElement, text: string) => fireEvent.change(el, { target: { value: text } });

async function openTab(lang: 'en-US' | 'es-ES' = 'en-US') {
  render(<App host={{ kind: 'preview' }} browserLocale={lang} />);
  // The tab is a lazy chunk: let it load inside act.
  await act(async () => { fireEvent.click(screen.getByTestId('tab-uncertainty')); });
  return screen.findByTestId('uncertainty');
}
const rows = () => within(screen.getByTestId('uncertainty-rows')).getAllByRole('group').filter((g) => g.tagName === 'FIELDSET');
const keysShown = () => rows().map((r) => r.getAttribute('data-key'));
/** A parameter input of row `i` by its parameter name (the draft path ends with it). */
const param = (i: number, name: string) => rows()[i].querySelector<HTMLInputElement>(`input[data-path$=":${name}"]`)!;
const select = (i: number, field: 'key' | 'segment' | 'kind') => rows()[i].querySelector<HTMLSelectElement>(`select[data-path$=":${field}"]`)!;
/** The validation message Fluent's Field shows under an input. */
const messageOf = (input: HTMLElement) => input.closest('.fui-Field')?.querySelector('.fui-Field__validationMessage')?.textContent ?? '';

describe('the default table', () => {
  it('starts with the behaviour nobody knows well and the business assumptions that move the answer, around the scenario\'s values', async () => {
    await openTab();
    expect(keysShown()).toEqual(DEFAULT_KEYS);
    // Responsiveness 0.6 (plausible 0 to 2): PERT from 0 (pay moves no effort) to twice it.
    expect(select(0, 'kind').value).toBe('pert');
    expect(['min', 'mode', 'max'].map((p) => param(0, p).value)).toEqual(['0', '0.6', '1.2']);
    // SMB churn 18 %, typed as a percentage: triangular from 0.8 to 1.25 times it; SMB ARR per account 8,000 ± 10 %.
    expect(select(8, 'segment').value).toBe('SMB');
    expect(['min', 'mode', 'max'].map((p) => param(8, p).value)).toEqual(['14.4', '18', '22.5']);
    expect(['min', 'mode', 'max'].map((p) => param(17, p).value)).toEqual(['7200', '8000', '8800']);
    // Each elasticity triangular ±50 %: acquisition 0.34 → 0.17, 0.34, 0.51.
    expect(['min', 'mode', 'max'].map((p) => param(4, p).value)).toEqual(['0.17', '0.34', '0.51']);
    expect(param(0, 'min')).toHaveAccessibleName('Min of Responsiveness to pay');
    // Each row shows its key's valid range from the catalogue and a preview of its shape.
    expect(rows()[0]).toHaveTextContent('Valid range: 0 – 2');
    expect(within(rows()[0]).getByRole('img', { name: 'Shape of the distribution of Responsiveness to pay' }).querySelectorAll('rect').length).toBeGreaterThan(5);
    expect(screen.getByTestId('mc-run')).toBeEnabled();
  });

  it('is valid for every built-in example: the engine accepts it as it stands', () => {
    for (const file of ['mid-market-saas', 'enterprise-multi-year', 'high-touch-services']) {
      const s = scenarioFromJson(require(`../../examples/${file}.json`) as ScenarioJson);
      const ev = evaluateTable(defaultTable(s, 'en-US'), s, 'en');
      expect(ev.messages).toEqual([]);
      expect(ev.rows?.map((r) => r.key)).toEqual(defaultUncertaintyRows(s).map((r) => r.key));
      expect(ev.rows?.map((r) => r.key)).toEqual(expect.arrayContaining(['churn', 'newCustomers', 'expansion', 'arpa', 'discountRate']));
    }
  });
});

describe('editing the table', () => {
  it('adds the next poorly known assumption and removes a row', async () => {
    await openTab();
    fireEvent.click(screen.getByTestId('uncertainty-add'));
    const added = keysShown()[DEFAULT_KEYS.length];
    expect(keysShown()).toHaveLength(DEFAULT_KEYS.length + 1);
    expect(DEFAULT_KEYS).not.toContain(added);
    fireEvent.click(within(rows()[4]).getByRole('button', { name: 'Remove Acquisition elasticity' }));
    expect(keysShown()).toEqual([...DEFAULT_KEYS.filter((_, i) => i !== 4), added]);
    fireEvent.click(screen.getByRole('button', { name: 'Restore the default table' }));
    expect(keysShown()).toEqual(DEFAULT_KEYS);
  });

  it('marks a parameter outside the valid range with the range, keeps the text, and stops the run', async () => {
    await openTab();
    type(param(0, 'max'), '3');
    expect(param(0, 'max')).toHaveValue('3');
    expect(param(0, 'max')).toHaveAttribute('aria-invalid', 'true');
    expect(messageOf(param(0, 'max'))).toBe('Responsiveness to pay: Max: 3 is outside the valid range 0 – 2');
    expect(screen.getByTestId('uncertainty-problems')).toHaveTextContent('1 problem(s) in the table');
    expect(screen.getByTestId('mc-run')).toBeDisabled();
    type(param(0, 'mode'), 'lots');
    expect(param(0, 'mode')).toHaveValue('lots');
    expect(messageOf(param(0, 'mode'))).toBe('Responsiveness to pay: Most likely: "lots" is not a number; valid range 0 – 2');
    // Fixing both runs again.
    type(param(0, 'max'), '1.5');
    type(param(0, 'mode'), '0.7');
    expect(screen.queryByTestId('uncertainty-problems')).toBeNull();
    expect(screen.getByTestId('mc-run')).toBeEnabled();
  });

  it('checks the parameters against each other: max above min, the mode between them, a positive sd', async () => {
    await openTab();
    type(param(0, 'min'), '0.2');
    type(param(0, 'mode'), '1.5');
    expect(messageOf(param(0, 'mode'))).toBe('Must lie between the min and the max: 0.2 – 1.2');
    type(param(0, 'mode'), '0.6');
    type(param(0, 'max'), '0.1');
    expect(messageOf(param(0, 'max'))).toBe('Must be above the min (0.2)');
    type(param(0, 'max'), '1.2');
    // Another kind shows its own parameters, which start around the value; the others are kept for coming back.
    fireEvent.change(select(0, 'kind'), { target: { value: 'normal' } });
    expect(param(0, 'min')).toBeNull();
    expect(param(0, 'mean')).toHaveValue('0.6');
    expect(param(0, 'sd')).toHaveValue('0.12');
    type(param(0, 'sd'), '0');
    expect(messageOf(param(0, 'sd'))).toBe('Must be above 0');
    fireEvent.change(select(0, 'kind'), { target: { value: 'pert' } });
    expect(['min', 'mode', 'max'].map((p) => param(0, p).value)).toEqual(['0.2', '0.6', '1.2']);
  });

  it('a segment key is typed in its units and varies one segment or all; a key twice is refused on the later row', async () => {
    await openTab();
    fireEvent.click(screen.getByTestId('uncertainty-add'));
    const at = DEFAULT_KEYS.length;
    fireEvent.change(select(at, 'key'), { target: { value: 'contraction' } });
    expect(select(at, 'segment').value).toBe('');
    fireEvent.change(select(at, 'segment'), { target: { value: 'SMB' } });
    // SMB contraction is 3 %, typed as a percentage: 1.5 %, 3 %, 4.5 %.
    const smb = example().segments.find((g) => g.name === 'SMB')!.values.contraction;
    expect(smb).toBe(0.03);
    expect(['min', 'mode', 'max'].map((p) => param(at, p).value)).toEqual(['1.5', '3', '4.5']);
    expect(rows()[at]).toHaveTextContent('Valid range: 0 – 50 %');
    expect(rows()[at]).toHaveTextContent('— SMB');
    // The same key again, on a later row: the engine's "varied twice" lands on that row's key.
    fireEvent.click(screen.getByTestId('uncertainty-add'));
    fireEvent.change(select(at + 1, 'key'), { target: { value: 'responsiveness' } });
    expect(messageOf(select(at + 1, 'key'))).toMatch(/^responsiveness: varied twice \(also as responsiveness\)/);
    expect(messageOf(select(0, 'key'))).toBe('');
    expect(screen.getByTestId('mc-run')).toBeDisabled();
  });

  it('offers only assumptions that can carry a distribution (no plan rates, whole numbers or effort shares)', async () => {
    await openTab();
    const offered = Array.from(select(0, 'key').querySelectorAll('option')).map((o) => o.value);
    expect(offered).toEqual(expect.arrayContaining(['responsiveness', 'churn', 'discountRate', 'arpa', 'womNegative']));
    for (const no of ['commissionRenewal', 'horizonYears', 'periodsPerYear', 'effortAcquire', 'contractTermYears', 'sbgAlpha']) expect(offered).not.toContain(no);
    // The labels are the catalogue's.
    expect(within(select(0, 'key')).getByRole('option', { name: findSpec('womNegative')!.label.en, hidden: true })).toBeTruthy();
  });
});

describe('in Spanish', () => {
  it('switching the language keeps what was typed: numbers in the new locale, bad text as it was', async () => {
    await openTab();
    type(param(0, 'mode'), 'lots');
    type(param(0, 'max'), '1.5');
    type(screen.getByTestId('language'), 'es');
    expect(param(0, 'mode')).toHaveValue('lots');
    expect(param(0, 'max')).toHaveValue('1,5');
    expect(param(0, 'min')).toHaveValue('0');
    expect(messageOf(param(0, 'mode'))).toBe('Sensibilidad a la retribución: Más probable: "lots" no es un número; rango válido 0 – 2');
  });

  it('labels the editor in Spanish and writes numbers with a decimal comma', async () => {
    await openTab('es-ES');
    expect(screen.getByRole('tab', { name: 'Incertidumbre' })).toBeTruthy();
    expect(screen.getByRole('heading', { name: 'Tabla de incertidumbre' })).toBeTruthy();
    expect(param(0, 'min')).toHaveAccessibleName('Mín. de Sensibilidad a la retribución');
    expect(['min', 'mode', 'max'].map((p) => param(0, p).value)).toEqual(['0', '0,6', '1,2']);
    type(param(0, 'max'), '2,5');
    expect(messageOf(param(0, 'max'))).toBe('Sensibilidad a la retribución: Máx.: 2,5 está fuera del rango válido 0 – 2');
    expect(screen.getByRole('button', { name: 'Ejecutar simulación' })).toBeDisabled();
  });
});
