/**
 * Texts of the lever attribution (the waterfall on the Results and Summary screens), in both languages.
 * Lever names come from the catalogue's labels. `{name}` marks a value filled in by `at()`.
 */
import type { Language } from '../../engine';
import { fill } from '../../i18n';

export const A = {
  title: { en: 'What each lever brings', es: 'Qué aporta cada palanca' },
  hint: {
    en: 'The change from {baseline} to {plan}, split by lever. Levers interact, so each gets its average effect over every order of making the changes (Shapley values): the parts add up to the total, whatever the order.',
    es: 'El cambio de {baseline} a {plan}, repartido por palanca. Las palancas interactúan, así que cada una recibe su efecto medio en todos los órdenes posibles de hacer los cambios (valores de Shapley): las partes suman el total, sea cual sea el orden.',
  },
  metric: { en: 'Split', es: 'Repartir' },
  equity: { en: 'Customer equity', es: 'Valor del cliente' },
  npv: { en: 'NPV', es: 'VAN' },
  lever: { en: 'Lever', es: 'Palanca' },
  change: { en: 'Change', es: 'Cambio' },
  total: { en: 'Total', es: 'Total' },
  unchanged: { en: 'Unchanged levers (0 each): {levers}.', es: 'Palancas sin cambios (0 cada una): {levers}.' },
  noChange: { en: 'No change: {plan} sets every lever as {baseline} does.', es: 'Sin cambios: {plan} fija cada palanca igual que {baseline}.' },
  computing: { en: 'Splitting the change by lever…', es: 'Repartiendo el cambio por palanca…' },
  quotaChanged: { en: 'roles changed', es: 'puestos cambiados' },
  good: { en: 'raises it', es: 'lo sube' },
  bad: { en: 'lowers it', es: 'lo baja' },
  chartDescription: {
    en: 'Waterfall: each bar starts where the one above ends; the last bar is the total change in {metric}.',
    es: 'Cascada: cada barra empieza donde acaba la anterior; la última es el cambio total de {metric}.',
  },
  tooMany: { en: 'Too many levers changed at once to split exactly.', es: 'Demasiadas palancas cambiadas a la vez para repartir de forma exacta.' },
} as const;

export type AKey = keyof typeof A;

export function at(lang: Language, key: AKey, params?: Record<string, string | number>): string {
  const text: string = A[key][lang];
  return fill(text, params);
}
