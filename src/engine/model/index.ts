/** model/: the deterministic projection (MODEL.md sections 2–7): the assumption catalogue, a scenario, behaviour, the period loop, metrics, comparison, discounting, roll-ups, and the generator drivers long runs share. */
export * from './catalogue';
export * from './quota-catalogue';
export * from './scenario';
export * from './behaviour';
export * from './metrics';
export * from './project';
export { projectInto, projectionBuffers, type ProjectionBuffers, type ProjectionHook } from './project-into';
export { totalsOf } from './project-totals';
export * from './churn';
export * from './terminal';
export * from './rollup';
export * from './compare';
export * from './discount';
export * from './work';
