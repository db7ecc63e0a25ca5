import * as React from 'react';
import { ROLES, type RoleId } from '../../engine';
import { t } from '../../i18n';
import { roleLabel, type Designer } from './designer';
import { roleYear } from './figures';
import { FigureTable } from './FigureTable';
import { q } from './texts-i15';

/**
 * What each role's variable pay costs at 100 % attainment (headcount × OTE × variable share: the
 * plan's promise) beside what it is expected to cost in the year shown (the attainment spread, the
 * curves and clawbacks applied), for the baseline and the proposed plan.
 */
export function TargetCostTable({ d }: { d: Designer }): React.ReactElement | null {
  const { lang, fmt, year } = d;
  const roles = ROLES.map((r) => r.id as RoleId).filter((r) => d.sides.some((s) => s.report?.roles.some((x) => x.id === r)));
  if (roles.length === 0) return null;
  const money = (v: number | undefined) => (v === undefined ? undefined : fmt.money(v));
  return (
    <FigureTable caption={q(lang, 'targetTitle', { year: t(lang, 'yearN', { n: year }) })} corner={t(lang, 'quotas.role')} absent="" testId="quota-target-cost"
      columns={d.sides.flatMap((s) => [q(lang, 'atTarget', { plan: s.name }), q(lang, 'expected', { plan: s.name })])}
      rows={roles.map((r) => ({
        label: roleLabel(r, lang),
        values: d.sides.flatMap((s) => [money(s.report?.roles.find((x) => x.id === r)?.targetVariablePay), money(roleYear(s, r, year)?.variablePay)]),
        testIds: d.sides.flatMap((s) => [`qt-${s.side}-${r}-target`, `qt-${s.side}-${r}-expected`]),
      }))} />
  );
}
