/**
 * What the functions' ranges parse to is shared between calls and must never be changed
 * (src/functions/range-memo.ts): frozen in every test, so a function that changed it would throw.
 */
(globalThis as { __ceqFreezeParsed?: boolean }).__ceqFreezeParsed = true;
