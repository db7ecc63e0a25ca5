/**
 * A CSV (or tab- or semicolon-separated) text as rows of cells, for the preview's paste and drop.
 * Quotes as RFC 4180 writes them ("a ""quoted"" field", separators and line breaks inside quotes). The
 * separator is the one of tab, semicolon and comma that the first line holds most of: a Spanish export
 * separates with ";" because "," is its decimal mark.
 */
export function parseCsv(text: string): string[][] {
  const body = text.charCodeAt(0) === 0xfeff ? text.slice(1) : text;
  const firstLine = body.slice(0, body.indexOf('\n') >= 0 ? body.indexOf('\n') : body.length);
  const count = (c: string) => firstLine.split(c).length - 1;
  const separator = ['\t', ';', ','].reduce((best, c) => (count(c) > count(best) ? c : best), ',');
  const rows: string[][] = [];
  let row: string[] = [];
  let cell = '';
  let quoted = false;
  for (let i = 0; i < body.length; i++) {
    const ch = body[i];
    if (quoted) {
      if (ch === '"' && body[i + 1] === '"') [cell, i] = [cell + '"', i + 1];
      else if (ch === '"') quoted = false;
      else cell += ch;
    } else if (ch === '"' && cell === '') quoted = true;
    else if (ch === separator) [row, cell] = [[...row, cell], ''];
    else if (ch === '\n' || ch === '\r') {
      if (ch === '\r' && body[i + 1] === '\n') i++;
      rows.push([...row, cell]);
      [row, cell] = [[], ''];
    } else cell += ch;
  }
  if (cell !== '' || row.length) rows.push([...row, cell]);
  return rows;
}
