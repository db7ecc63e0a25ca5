/** analysis/: what each lever does: one-at-a-time sensitivity, tornado, optimisation and Shapley attribution. */
export * from './sensitivity';
export * from './tornado';
export * from './boxsearch';
export * from './optimize';
export * from './attribution';
