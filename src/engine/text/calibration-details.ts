import type { Detail } from './problem';

/**
 * What the calibration's problems say, in both languages; details.ts merges these into the one table.
 * Row problems name the column (the problem's key, as the header spells it) and the row (args.row,
 * 1-based in the range, the header row being 1).
 */
export const CALIBRATION_DETAILS = {
  ledgerBlankCustomer: {
    en: (p, f) => `row ${f.n(f.a.row)} has no customer id; the row is skipped`,
    es: (p, f) => `la fila ${f.n(f.a.row)} no tiene identificador de cliente; se omite`,
  },
  ledgerBadPeriod: {
    en: (p, f) => `row ${f.n(f.a.row)}: "${f.value}" is not a date, an Excel date or a period number; the row is skipped`,
    es: (p, f) => `fila ${f.n(f.a.row)}: "${f.value}" no es una fecha, una fecha de Excel ni un número de período; se omite`,
  },
  ledgerPeriodKind: {
    en: (p, f) => `row ${f.n(f.a.row)}: ${f.value} mixes period numbers with dates; the row is skipped`,
    es: (p, f) => `fila ${f.n(f.a.row)}: ${f.value} mezcla números de período con fechas; se omite`,
  },
  ledgerNotAmount: {
    en: (p, f) => `row ${f.n(f.a.row)}: "${f.value}" is not an amount; the row is skipped`,
    es: (p, f) => `fila ${f.n(f.a.row)}: "${f.value}" no es un importe; se omite`,
  },
  ledgerNegative: {
    en: (p, f) => `row ${f.n(f.a.row)}: ${f.value} is below 0 (a credit or refund is not recurring revenue); the row is skipped`,
    es: (p, f) => `fila ${f.n(f.a.row)}: ${f.value} es menor que 0 (un abono o devolución no es ingreso recurrente); se omite`,
  },
  ledgerHuge: {
    en: (p, f) => `row ${f.n(f.a.row)}: ${f.value} is above 1e12 for one customer; the row is skipped`,
    es: (p, f) => `fila ${f.n(f.a.row)}: ${f.value} supera 1e12 para un cliente; se omite`,
  },
  ledgerDuplicate: {
    en: (p, f) => `row ${f.n(f.a.row)}: customer ${f.value} already has a row for ${f.a.period} (row ${f.n(f.a.first)}); the later row is skipped`,
    es: (p, f) => `fila ${f.n(f.a.row)}: el cliente ${f.value} ya tiene una fila para ${f.a.period} (fila ${f.n(f.a.first)}); se omite la posterior`,
  },
  ledgerSegmentMove: {
    en: (p, f) => `row ${f.n(f.a.row)}: customer ${f.a.customer} moves from ${f.a.from} to ${f.value}; it stays in ${f.a.from}, its first segment`,
    es: (p, f) => `fila ${f.n(f.a.row)}: el cliente ${f.a.customer} pasa de ${f.a.from} a ${f.value}; se queda en ${f.a.from}, su primer segmento`,
  },
  ledgerUnitMixed: {
    en: (p, f) => `row ${f.n(f.a.row)} is in ${f.value} in an ${f.a.unit} ledger; converted (MRR × 12 = ARR)`,
    es: (p, f) => `la fila ${f.n(f.a.row)} está en ${f.value} en un registro en ${f.a.unit}; convertida (MRR × 12 = ARR)`,
  },
  ledgerUnitJump: {
    en: (p, f) => `row ${f.n(f.a.row)}: customer ${f.a.customer} goes from ${f.n(f.a.before)} to ${f.value}, exactly 12 times or a twelfth: MRR mixed with ARR? Kept as it is`,
    es: (p, f) => `fila ${f.n(f.a.row)}: el cliente ${f.a.customer} pasa de ${f.n(f.a.before)} a ${f.value}, exactamente 12 veces o la doceava parte: ¿MRR mezclado con ARR? Se mantiene`,
  },
  ledgerZero: { en: () => 'amount 0: no ARR that period', es: () => 'importe 0: sin ARR ese período' },
  ledgerBlankRow: { en: () => 'blank rows', es: () => 'filas en blanco' },
  ledgerBothUnits: {
    en: (p, f) => `the ledger has both an ARR column (${f.a.arr}) and an MRR column (${f.a.mrr}); keep one`,
    es: (p, f) => `el registro tiene una columna ARR (${f.a.arr}) y otra MRR (${f.a.mrr}); deje una`,
  },
  ledgerUnitHeader: {
    en: (p, f) => `${f.value} does not match the amount column's header ${f.a.header}`,
    es: (p, f) => `${f.value} no coincide con el encabezado de la columna de importes ${f.a.header}`,
  },
  ledgerColumn: {
    en: (p, f) => `no ${f.a.column} column: head the columns customer, month, arr (or mrr) and segment, or put them in that order with no header`,
    es: (p, f) => `no hay columna ${f.a.column}: titule las columnas cliente, mes, arr (o mrr) y segmento, o póngalas en ese orden sin encabezado`,
  },
  ledgerEmpty: { en: () => 'the range is empty', es: () => 'el rango está vacío' },
  ledgerTwoPeriods: { en: () => 'a ledger needs at least two periods', es: () => 'un registro necesita al menos dos períodos' },
  ledgerGap: {
    en: (p, f) => `no row at all for ${f.value}, between ${f.a.before} and ${f.a.after}; a period with no customers would churn the whole book, so add it or cut the ledger there`,
    es: (p, f) => `ninguna fila para ${f.value}, entre ${f.a.before} y ${f.a.after}; un período sin clientes haría abandonar a toda la base: añádalo o corte el registro ahí`,
  },
  cutoffOutside: {
    en: (p, f) => `${f.value} must leave at least one period on each side, between ${f.a.first} and ${f.a.last}`,
    es: (p, f) => `${f.value} debe dejar al menos un período a cada lado, entre ${f.a.first} y ${f.a.last}`,
  },
  cutoffNotPeriod: {
    en: (p, f) => `"${f.value}" is not a period of the ledger (${f.a.first} … ${f.a.last})`,
    es: (p, f) => `"${f.value}" no es un período del registro (${f.a.first} … ${f.a.last})`,
  },
  unknownSegment: {
    en: (p, f) => `"${f.value}" is not a segment of the ledger (${f.a.names})`,
    es: (p, f) => `"${f.value}" no es un segmento del registro (${f.a.names})`,
  },
} satisfies Record<string, Detail>;
