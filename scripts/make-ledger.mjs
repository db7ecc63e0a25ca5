/* `node scripts/make-ledger.mjs [out.csv]`: writes examples/ledger-saas.csv, a subscription ledger of
   three segments over 36 months (2023-01 … 2025-12), simulated from the TRUE parameters below with a
   fixed seed, so the same file comes out every time. test/engine/calibration-example.test.ts calibrates
   it and checks that these parameters come back within their sampling error.

   The process, per segment:
   - new customers arrive each month, Poisson(newPerMonth), from 36 months before the ledger starts
     (so the first month holds a book of mixed tenure, as a real export does);
   - each customer draws a churn probability θ ~ Beta(alpha, beta) and decides at every anniversary
     (annual contracts) to renew with probability 1 − θ: the shifted-beta-geometric model;
   - each month a customer's ARR contracts by `contractionStep` with probability `contractionChance`,
     or else expands by `expansionStep` with probability `expansionChance`;
   - a churned customer comes back with probability `reactivationChance` a month for a year, at its old ARR;
   - starting ARR is lognormal with mean `arpa` and log-sd 0.5.
   Then a few messy rows are added, as exports have them (see MESSY below). */
import { mkdirSync, writeFileSync } from 'node:fs';
import { dirname } from 'node:path';

export const TRUE_PARAMETERS = {
  SMB: { newPerMonth: 30, arpa: 6000, alpha: 0.4, beta: 1.2, expansionChance: 0.02, expansionStep: 0.25, contractionChance: 0.01, contractionStep: 0.2 },
  'Mid-market': { newPerMonth: 12, arpa: 24000, alpha: 0.3, beta: 1.7, expansionChance: 0.03, expansionStep: 0.3, contractionChance: 0.01, contractionStep: 0.15 },
  Enterprise: { newPerMonth: 3, arpa: 90000, alpha: 0.25, beta: 2.25, expansionChance: 0.03, expansionStep: 0.4, contractionChance: 0.008, contractionStep: 0.15 },
};
export const REACTIVATION_CHANCE = 0.01;
export const SEED = 20240613;
const MONTHS = 36;
const HISTORY = 36;
const FIRST_YEAR = 2023;

function mulberry32(seed) {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const random = mulberry32(SEED);
const normal = () => Math.sqrt(-2 * Math.log(1 - random())) * Math.cos(2 * Math.PI * random());
function gamma(shape) {
  if (shape < 1) return gamma(shape + 1) * random() ** (1 / shape);
  const d = shape - 1 / 3;
  const c = 1 / Math.sqrt(9 * d);
  for (;;) {
    const x = normal();
    const v = (1 + c * x) ** 3;
    if (v > 0 && Math.log(1 - random()) < 0.5 * x * x + d - d * v + d * Math.log(v)) return d * v;
  }
}
const betaDraw = (a, b) => {
  const x = gamma(a);
  return x / (x + gamma(b));
};
function poisson(mean) {
  let k = 0;
  for (let p = random(); p > Math.exp(-mean); p *= random()) k++;
  return k;
}
const monthLabel = (m) => `${FIRST_YEAR + Math.floor(m / 12)}-${String((m % 12) + 1).padStart(2, '0')}-01`;
const cents = (x) => Math.round(x * 100) / 100;

export function makeLedger() {
  const rows = [];
  let id = 0;
  for (const [segment, p] of Object.entries(TRUE_PARAMETERS)) {
    const customers = [];
    for (let m = -HISTORY; m < MONTHS; m++) {
      for (let k = poisson(p.newPerMonth); k > 0; k--) {
        customers.push({ id: `C${String(++id).padStart(5, '0')}`, joined: m, theta: betaDraw(p.alpha, p.beta),
          arr: cents(p.arpa * Math.exp(0.5 * normal() - 0.125)), active: true, lastChurn: -1e9, spellStart: m });
      }
      for (const c of customers) {
        if (c.joined === m) {
          if (m >= 0) rows.push([c.id, monthLabel(m), c.arr.toFixed(2), segment]);
          continue;
        }
        if (c.active) {
          const tenure = m - c.spellStart;
          if (tenure % 12 === 0 && random() < c.theta) {
            c.active = false;
            c.lastChurn = m;
            continue;
          }
          const u = random();
          if (u < p.contractionChance) c.arr = cents(c.arr * (1 - p.contractionStep));
          else if (u < p.contractionChance + p.expansionChance) c.arr = cents(c.arr * (1 + p.expansionStep));
        } else if (m - c.lastChurn <= 12 && random() < REACTIVATION_CHANCE) {
          c.active = true;
          c.spellStart = m;
        }
        if (c.active && m >= 0) rows.push([c.id, monthLabel(m), c.arr.toFixed(2), segment]);
      }
    }
  }
  return rows;
}

/** Rows an export really contains: each is reported by the calibration with its row and column. */
function messy(rows) {
  const out = rows.slice();
  const pick = (i) => rows[Math.floor((i * rows.length) / 9)];
  out.push([...pick(1)]); // a duplicate customer-month
  out.push([pick(2)[0], pick(2)[1].slice(0, 7) === '2025-12' ? '2025-11-01' : 'TBD', pick(2)[2], pick(2)[3]]); // an unreadable date
  out.push(['C99991', '2024-05-01', '-1200.00', 'SMB']); // a refund booked as negative ARR
  out.push(['C99992', '2024-06-01', 'n/a', 'SMB']); // no amount
  out.push(['', '2024-07-01', '500.00', 'SMB']); // no customer id
  const mover = out.lastIndexOf(out.findLast((r) => r[0] === pick(4)[0]));
  out[mover] = [...out[mover].slice(0, 3), out[mover][3] === 'SMB' ? 'Mid-market' : 'SMB']; // a late segment change (kept, listed)
  return out;
}

const file = process.argv[2] ?? new URL('../examples/ledger-saas.csv', import.meta.url).pathname;
if (import.meta.url === `file://${process.argv[1]}`) {
  const rows = messy(makeLedger());
  writeFileSync(file, ['customer_id,month,arr,segment', ...rows.map((r) => r.join(','))].join('\n') + '\n');
  const truth = { seed: SEED, months: MONTHS, reactivationChance: REACTIVATION_CHANCE, segments: TRUE_PARAMETERS };
  // Not beside the CSV: examples/*.json are scenarios, and tests load every one of them.
  const truthFile = file.replace(/([^/]+)\.csv$/, 'truth/$1.json');
  mkdirSync(dirname(truthFile), { recursive: true });
  writeFileSync(truthFile, `${JSON.stringify(truth, null, 2)}\n`);
  console.log(`${file}: ${rows.length} rows`);
}
