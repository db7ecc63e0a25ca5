/**
 * Texts of the pane's workflow helpers (new proposal from today's plan, duplicate, undo, the edited
 * example's note, the no-change note), in both languages. `{name}` marks a value filled in by `w()`.
 */
import type { Language } from '../../engine';
import { fill } from '../../i18n';

export const W = {
  newFromBaseline: { en: 'New proposal from today’s plan', es: 'Nueva propuesta desde el plan actual' },
  newFromBaselineHint: {
    en: 'Starts as a copy of {baseline}: change one lever and the results show that lever alone.',
    es: 'Empieza como copia de {baseline}: cambie una palanca y los resultados muestran solo esa palanca.',
  },
  duplicate: { en: 'Duplicate {plan}', es: 'Duplicar {plan}' },
  copyName: { en: '{plan} (copy)', es: '{plan} (copia)' },
  exampleEdited: {
    en: 'You have edited the example since opening it: its description no longer applies.',
    es: 'Ha modificado el ejemplo desde que lo abrió: su descripción ya no se aplica.',
  },
  headerControls: { en: 'Example, language and currency', es: 'Ejemplo, idioma y moneda' },
  noChange: { en: 'No change: {plan} is the same plan as {baseline}.', es: 'Sin cambios: {plan} es el mismo plan que {baseline}.' },
  staleField: {
    en: 'Results are for {field} at {value}, its value before this edit.',
    es: 'Los resultados son para {field} con {value}, su valor antes de esta edición.',
  },
  undoRemoved: { en: 'Removed {plan}.', es: 'Se quitó {plan}.' },
  undoLoaded: { en: 'Opened {scenario} in place of {previous}.', es: 'Se abrió {scenario} en lugar de {previous}.' },
  undo: { en: 'Undo', es: 'Deshacer' },
  dismiss: { en: 'Dismiss', es: 'Cerrar' },
  restoreOffer: {
    en: 'This browser kept the scenario you were working on, {scenario}, saved {when}.',
    es: 'Este navegador guardó el escenario en el que trabajaba, {scenario}, el {when}.',
  },
  restore: { en: 'Restore it', es: 'Recuperarlo' },
  discard: { en: 'Discard', es: 'Descartar' },
  helperFailed: {
    en: 'Office.js loaded but its helper file {file} did not (blocked or offline), so the pane opened as a preview: workbook actions are off.',
    es: 'Office.js se cargó pero su archivo auxiliar {file} no (bloqueado o sin conexión), así que el panel se abrió como vista previa: las acciones del libro no están disponibles.',
  },
  noAnswer: {
    en: 'Office did not answer within {seconds} s, so the pane opened as a preview; it switches to Excel if Office answers later.',
    es: 'Office no respondió en {seconds} s, así que el panel se abrió como vista previa; pasará a Excel si Office responde más tarde.',
  },
} as const;

export type WKey = keyof typeof W;

export function w(lang: Language, key: WKey, params?: Record<string, string | number>): string {
  const text: string = W[key][lang];
  return fill(text, params);
}
