/**
 * The names users type and Excel shows, built the way Excel builds them: the manifest's namespace,
 * a dot, and the function's metadata name in the workbook's language. Microsoft's custom-functions
 * JSON reference: "In Excel, this function name is prefixed by the custom functions namespace that's
 * specified in the XML manifest file". So ids and metadata names carry no namespace (`PROJECT`,
 * `PROYECTAR`) and everything that writes or shows a formula (the live sheet, the task pane's
 * workbook writers, the docs' tests, the real-Excel test) asks this module for `CEQ.PROJECT` or
 * `CEQ.PROYECTAR`. The English metadata name is the id (the JSDoc's `@customfunction ID NAME` gives
 * both the same); the Spanish one is names-es.ts's.
 */
import type { Language } from '../engine';
import { FUNCTIONS_ES } from './names-es';

/** manifest.xml's <bt:String id="Functions.Namespace">; test/functions/contract.test.ts checks they agree. */
export const FUNCTION_NAMESPACE = 'CEQ';

/** The metadata name of a function id in one language (what functions.json / functions-es.json say). */
export function metadataName(id: string, language: Language): string {
  if (language === 'en') return id;
  const es = FUNCTIONS_ES[id];
  if (!es) throw new Error(`${id}: no Spanish name in src/functions/names-es.ts`);
  return es.name;
}

/** The name Excel builds for a function id: `CEQ.PROJECT`, `CEQ.PROYECTAR`. */
export function excelFunctionName(id: string, language: Language): string {
  return `${FUNCTION_NAMESPACE}.${metadataName(id, language)}`;
}

/** The function id a name typed in a formula stands for, in either language (`CEQ.PROYECTAR` → PROJECT). */
export function functionIdOf(typed: string): string | undefined {
  const upper = typed.toUpperCase();
  const prefix = `${FUNCTION_NAMESPACE}.`;
  if (!upper.startsWith(prefix)) return undefined;
  const name = upper.slice(prefix.length);
  for (const [id, es] of Object.entries(FUNCTIONS_ES)) if (id === name || es.name.toUpperCase() === name) return id;
  return undefined;
}
