/** uncertainty/: distributions, sampling, correlation and the Monte Carlo run (MODEL.md section 9). */
export * from './distributions';
export * from './lhs';
export * from './correlation';
export * from './iman-conover';
export * from './uncertainty';
export * from './default-uncertainty';
export * from './montecarlo';
export * from './montecarlo-pool';
export * from './variance-sensitivity';
