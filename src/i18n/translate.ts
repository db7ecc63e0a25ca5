import type { Language } from '../engine';
import { MESSAGES, type MessageKey } from './messages';

export type Params = Record<string, string | number>;

/** `text` with its `{name}` placeholders filled from `params` (own keys only; others stay as written). Every text table of the pane fills through here. */
export function fill(text: string, params?: Params): string {
  return params ? text.replace(/\{(\w+)\}/g, (m, name: string) => (Object.prototype.hasOwnProperty.call(params, name) ? String(params[name]) : m)) : text;
}

/** The message `key` in `language`, with `{name}` placeholders filled from `params`. */
export function t(language: Language, key: MessageKey, params?: Params): string {
  return fill(MESSAGES[key][language], params);
}

/** A key that may or may not be in the table (built at run time, e.g. `group.${g}`). */
export function hasMessage(key: string): key is MessageKey {
  return Object.prototype.hasOwnProperty.call(MESSAGES, key);
}
