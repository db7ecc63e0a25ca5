import { findSpec, type Language } from '../../engine';
import { formatAssumption, parseField, type Formats } from '../../i18n';
import { quotaFieldSpec } from '../state/quota-fields';
import { BASELINE_ID, type Draft } from '../state/draft';
import { w } from './texts';

/** "Results are for New-deal commission (Retention plan) at 4 %, its value before this edit." */
export function staleFieldText(field: { path: string; before: string }, draft: Draft, lang: Language, fmt: Formats): string {
  const [part, id, key = id] = field.path.split(':');
  const spec = findSpec(key) ?? quotaFieldSpec(key);
  const row = part === 'segment' ? draft.segments.find((r) => r.id === id) : part === 'plan' ? (id === BASELINE_ID ? draft.baseline : draft.proposed.find((r) => r.id === id)) : undefined;
  const label = `${spec?.label[lang] ?? key}${row ? ` (${row.name})` : ''}`;
  const parsed = spec ? parseField(spec, field.before, draft.locale) : Number.NaN;
  const value = spec && Number.isFinite(parsed) ? formatAssumption(spec, parsed, fmt) : `“${field.before}”`;
  return w(lang, 'staleField', { field: label, value });
}
