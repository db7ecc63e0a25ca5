/** text/: every problem is data (errors.ts) and is said in English and Spanish in one place (messages.ts). */
export * from './errors';
export * from './messages';
