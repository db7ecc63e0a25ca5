import type { Language } from '../engine';
import { MESSAGES, type MessageKey } from './messages';

export type Params = Record<string, string | number>;

/** The message `key` in `language`, with `{name}` placeholders filled from `params`. */
export function t(language: Language, key: MessageKey, params?: Params): string {
  const text: string = MESSAGES[key][language];
  return params ? text.replace(/\{(\w+)\}/g, (m, name: string) => (Object.prototype.hasOwnProperty.call(params, name) ? String(params[name]) : m)) : text;
}

/** A key that may or may not be in the table (built at run time, e.g. `group.${g}`). */
export function hasMessage(key: string): key is MessageKey {
  return Object.prototype.hasOwnProperty.call(MESSAGES, key);
}
