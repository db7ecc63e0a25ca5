/**
 * Entry of office-watch.js, the first script of taskpane.html (before office.js): starts recording
 * scripts that fail to load, so a helper file of office.js that fails before taskpane.js runs is still
 * seen (host.ts, recordFailedScripts).
 */
import { recordFailedScripts } from '../office/host';

recordFailedScripts();
