/**
 * Entry of the functions bundle. Registers every custom function synchronously at the top level,
 * before any await and outside Office.onReady (EXCEL.md: late registration shows as #VALUE!).
 * Imports nothing from the task pane or React; any set-up a function needs is made lazily inside it.
 */
import { ATTRIBUTION_BY_ID } from './attribution';
import { CALIBRATION_BY_ID } from './calibration';
import { BY_ID } from './functions';
import { QUOTA_BY_ID } from './quotas';
import { registration } from './registration';
import { UNCERTAINTY_BY_ID } from './uncertainty';

for (const [id, fn] of Object.entries(BY_ID)) registration.associate(id, fn);
for (const [id, fn] of Object.entries(UNCERTAINTY_BY_ID)) registration.associate(id, fn);
for (const [id, fn] of Object.entries(QUOTA_BY_ID)) registration.associate(id, fn);
for (const [id, fn] of Object.entries(ATTRIBUTION_BY_ID)) registration.associate(id, fn);
for (const [id, fn] of Object.entries(CALIBRATION_BY_ID)) registration.associate(id, fn);

export { BY_ID };
