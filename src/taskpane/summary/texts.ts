/** Texts of the Summary's year table and no-change note, in both languages. `{name}` is filled by `h()`. */
import type { Language } from '../../engine';
import { fill } from '../../i18n';

export const H = {
  title: { en: 'Year by year', es: 'Año a año' },
  hint: {
    en: 'Proposed minus baseline, added up from the start. Green is good for the company, red is bad.',
    es: 'Propuesto menos base, sumado desde el inicio. Verde es bueno para la empresa, rojo es malo.',
  },
  year1: { en: 'Year 1', es: 'Año 1' },
  throughYear: { en: 'Year 1–{n}', es: 'Años 1–{n}' },
  horizon: { en: 'Horizon ({n} y)', es: 'Horizonte ({n} a)' },
  revenue: { en: 'Revenue change', es: 'Cambio de ingresos' },
  compCost: { en: 'Comp cost change', es: 'Cambio del coste de retribución' },
  contribution: { en: 'Contribution change', es: 'Cambio de contribución' },
  noChange: {
    en: 'No change: {plan} is the same plan as {baseline}, so every figure below is zero.',
    es: 'Sin cambios: {plan} es el mismo plan que {baseline}, así que todas las cifras son cero.',
  },
  noChangePeriod: { en: 'No change', es: 'Sin cambios' },
} as const;

export function h(lang: Language, key: keyof typeof H, params?: Record<string, string | number>): string {
  const text: string = H[key][lang];
  return fill(text, params);
}
