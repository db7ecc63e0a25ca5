/** The pane's words and numbers: one message table (messages.ts), one formatting module (format.ts). */
export { MESSAGES, type MessageKey } from './messages';
export * from './translate';
export * from './format';
export * from './parse';
export * from './units';
export * from './periods';
