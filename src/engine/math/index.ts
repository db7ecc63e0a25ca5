/** math/: numerics that know nothing of the model: the normal distribution, exact sums, statistics and spreads, seeded random streams. */
export * from './normal';
export * from './beta';
export * from './nelder-mead';
export * from './exact-sum';
export * from './stats';
export * from './spread';
export * from './random';
