/** retention/: stand-alone retention curves and lifetime values (constant-retention CLV, shifted-beta-geometric). */
export * from './clv';
export * from './sbg';
