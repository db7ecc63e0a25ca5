/** The engine's public surface: the functions, office and taskpane layers import from here only. */
export * from './catalogue';
export * from './errors';
export * from './messages';
export * from './scenario';
export * from './validate';
export * from './behaviour';
export * from './metrics';
export * from './project';
export * from './rollup';
export * from './compare';
export * from './discount';
export * from './run';
export * from './scenario-json';
export * from './sensitivity';
