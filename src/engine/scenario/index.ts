/** scenario/: a whole scenario checked (validate), stored (scenario-json, scenario-limits) and run plan by plan (run). */
export * from './validate';
export * from './scenario-limits';
export * from './scenario-json';
export * from './run';
export * from './projector';
