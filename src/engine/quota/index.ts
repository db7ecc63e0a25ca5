/** quota/: a plan's quota layer (roles, components, payout curves) and how it turns into pay and behaviour (MODEL.md section 8). */
export * from './quota-plan';
export * from './quota-curve';
export * from './quota-project';
export * from './quota-report';
