/**
 * Property tests run from a fixed seed, so CI on a clean machine sees the same cases every time and
 * a failure can be replayed. `FC_SEED=random npm run test:unit` explores new cases; `FC_SEED=<n>`
 * replays a seed that fast-check printed.
 */
import fc from 'fast-check';

const chosen = process.env.FC_SEED;
if (chosen !== 'random') fc.configureGlobal({ seed: chosen ? Number(chosen) : 20261123 });
