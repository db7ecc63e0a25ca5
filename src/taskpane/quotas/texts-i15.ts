/** Texts of the flat-commission choice and the cost at 100 % attainment, in both languages. */
import type { Language } from '../../engine';
import { fill } from '../../i18n';

export const Q = {
  flatChoice: { en: '{plan} also pays flat commissions. The new role’s pay:', es: '{plan} también paga comisiones fijas. La retribución del nuevo puesto:' },
  replace: { en: 'replaces the flat commissions (set to 0)', es: 'sustituye a las comisiones fijas (a 0)' },
  add: { en: 'comes on top of the flat commissions', es: 'se suma a las comisiones fijas' },
  targetTitle: { en: 'Variable pay per role, {year}: at 100 % attainment and as expected', es: 'Retribución variable por puesto, {year}: con el 100 % de cumplimiento y la esperada' },
  atTarget: { en: '{plan}: at 100 %', es: '{plan}: al 100 %' },
  expected: { en: '{plan}: expected', es: '{plan}: esperada' },
  weightSentence: {
    en: 'In {plan}, the weights of {role} add up to {sum}; they must add up to 100 %.',
    es: 'En {plan}, los pesos de {role} suman {sum}; deben sumar 100 %.',
  },
} as const;

export function q(lang: Language, key: keyof typeof Q, params?: Record<string, string | number>): string {
  const text: string = Q[key][lang];
  return fill(text, params);
}

/**
 * The weights-must-add-up-to-100 % problem as a sentence ("In Retention plan, the weights of Account
 * executive add up to 108.3 %; …") instead of the engine's list of keys. `key` is the engine's problem
 * key without its plan prefix ("ae.newArr.weight+ae.renewal.weight").
 */
export function weightSumSentence(lang: Language, plan: string, key: string, sum: number, locale: string, roleName: (id: string) => string): string {
  const role = roleName(key.split('.')[0]);
  const shown = new Intl.NumberFormat(locale, { style: 'percent', maximumFractionDigits: 1 }).format(sum);
  return q(lang, 'weightSentence', { plan, role, sum: shown });
}
