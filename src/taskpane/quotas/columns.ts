import { formatAssumption, t } from '../../i18n';
import type { TableColumn } from '../components/AssumptionTable';
import { quotaFieldSpec } from '../state/quota-fields';
import type { DraftRow } from '../state/draft';
import type { Designer } from './designer';
import type { PlanKeys } from './edits';

/**
 * The plan columns of a designer table (AssumptionTable): every plan, its texts, a remove button where
 * `remove` gives an edit, and under each budget-neutral scaled field the value actually used.
 */
export function planColumns(d: Designer, remove: (row: DraftRow) => { label: string; edit: PlanKeys } | undefined): TableColumn[] {
  const scaled = d.scaled;
  return d.rows.map((row, i) => {
    const notes: Record<string, string> = {};
    const typed = scaled?.typed.proposed[i - 1]?.values as Record<string, number> | undefined;
    const used = scaled?.scenario.proposed[i - 1]?.values as Record<string, number> | undefined;
    if (i > 0 && typed && used) {
      for (const key of Object.keys(used)) {
        const spec = quotaFieldSpec(key);
        if (spec && typed[key] !== used[key]) notes[key] = t(d.lang, 'effective', { value: formatAssumption(spec, used[key], d.fmt) });
      }
    }
    const r = remove(row);
    return {
      prefix: `plan:${row.id}`, name: row.name, values: row.values, renamable: false, notes,
      removeLabel: r?.label, onRemove: r ? () => d.dispatch(r.edit) : undefined,
    };
  });
}
