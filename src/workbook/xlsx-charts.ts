/**
 * Native Excel charts for a written .xlsx package. exceljs writes cells but no charts, so the CLI export
 * adds the chart parts itself (OOXML DrawingML: one drawing per sheet, one chart part per ChartSpec).
 * Every series refers to its range on the sheet and also carries the values as a cache, so a reader
 * that does not recalculate still draws the right lines. Pure text building over a minimal zip
 * interface (jszip's): nothing here knows Office or the file system.
 */
import { parseRange, sheetPrefix } from './a1';
import type { ChartSpec, SheetSpec } from './types';
import type { Value } from './expr';

/** The part of a zip archive (jszip) this module uses. */
export interface ZipLike {
  file(path: string): { async(type: 'string'): Promise<string> } | null;
  file(path: string, data: string): unknown;
}

const NS = {
  c: 'http://schemas.openxmlformats.org/drawingml/2006/chart',
  a: 'http://schemas.openxmlformats.org/drawingml/2006/main',
  r: 'http://schemas.openxmlformats.org/officeDocument/2006/relationships',
  xdr: 'http://schemas.openxmlformats.org/drawingml/2006/spreadsheetDrawing',
  rels: 'http://schemas.openxmlformats.org/package/2006/relationships',
};
const REL = {
  chart: 'http://schemas.openxmlformats.org/officeDocument/2006/relationships/chart',
  drawing: 'http://schemas.openxmlformats.org/officeDocument/2006/relationships/drawing',
};
const TYPE = {
  chart: 'application/vnd.openxmlformats-officedocument.drawingml.chart+xml',
  drawing: 'application/vnd.openxmlformats-officedocument.drawing+xml',
};
/** Series colours (Office theme accents), so every reader shows the same chart. */
const COLOURS = ['4472C4', 'ED7D31', 'A5A5A5', 'FFC000', '5B9BD5', '70AD47'];

export const esc = (s: string): string => s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');

/** Values of an A1 range of a sheet description, row by row (a formula's value is its result). */
export function rangeValues(sheet: SheetSpec, address: string): Value[] {
  const b = parseRange(address);
  const at = new Map(sheet.cells.map((c) => [`${c.row}:${c.col}`, c]));
  const out: Value[] = [];
  for (let r = b.r0; r <= b.r1; r++) {
    for (let c = b.c0; c <= b.c1; c++) {
      const cell = at.get(`${r}:${c}`);
      out.push((cell?.formula !== undefined ? cell.result : cell?.value) ?? '');
    }
  }
  return out;
}

function numCache(values: readonly Value[], format = 'General'): string {
  const pts = values.map((v, i) => (typeof v === 'number' && Number.isFinite(v) ? `<c:pt idx="${i}"><c:v>${v}</c:v></c:pt>` : '')).join('');
  return `<c:numCache><c:formatCode>${esc(format)}</c:formatCode><c:ptCount val="${values.length}"/>${pts}</c:numCache>`;
}

function strCache(values: readonly Value[]): string {
  const pts = values.map((v, i) => `<c:pt idx="${i}"><c:v>${esc(String(v))}</c:v></c:pt>`).join('');
  return `<c:strCache><c:ptCount val="${values.length}"/>${pts}</c:strCache>`;
}

function richText(text: string, size: number, bold: boolean): string {
  return `<c:rich><a:bodyPr/><a:lstStyle/><a:p><a:pPr><a:defRPr sz="${size}" b="${bold ? 1 : 0}"/></a:pPr>`
    + `<a:r><a:rPr lang="en-US" sz="${size}" b="${bold ? 1 : 0}"/><a:t>${esc(text)}</a:t></a:r></a:p></c:rich>`;
}

/** The chart part (c:chartSpace) of one chart whose ranges are on `sheet`. */
export function chartXml(chart: ChartSpec, sheet: SheetSpec): string {
  const ref = (address: string) => esc(`${sheetPrefix(sheet.name)}${address}`);
  const categories = rangeValues(sheet, chart.categories);
  const numericCategories = categories.every((v) => typeof v === 'number');
  const cat = numericCategories
    ? `<c:cat><c:numRef><c:f>${ref(chart.categories)}</c:f>${numCache(categories)}</c:numRef></c:cat>`
    : `<c:cat><c:strRef><c:f>${ref(chart.categories)}</c:f>${strCache(categories)}</c:strRef></c:cat>`;
  const line = chart.type === 'line';
  const series = chart.series.map((s, i) => {
    const colour = COLOURS[i % COLOURS.length];
    const look = line
      ? `<c:spPr><a:ln w="28575" cap="rnd"><a:solidFill><a:srgbClr val="${colour}"/></a:solidFill><a:round/></a:ln></c:spPr><c:marker><c:symbol val="none"/></c:marker>`
      : `<c:spPr><a:solidFill><a:srgbClr val="${colour}"/></a:solidFill></c:spPr><c:invertIfNegative val="0"/>`;
    return `<c:ser><c:idx val="${i}"/><c:order val="${i}"/><c:tx><c:v>${esc(s.name)}</c:v></c:tx>${look}${cat}`
      + `<c:val><c:numRef><c:f>${ref(s.values)}</c:f>${numCache(rangeValues(sheet, s.values), '#,##0')}</c:numRef></c:val>`
      + `${line ? '<c:smooth val="0"/>' : ''}</c:ser>`;
  }).join('');
  const axes = '<c:axId val="500000001"/><c:axId val="500000002"/>';
  const plot = line
    ? `<c:lineChart><c:grouping val="standard"/><c:varyColors val="0"/>${series}<c:marker val="1"/>${axes}</c:lineChart>`
    : `<c:barChart><c:barDir val="${chart.type === 'bar' ? 'bar' : 'col'}"/><c:grouping val="clustered"/><c:varyColors val="0"/>${series}<c:gapWidth val="80"/>${axes}</c:barChart>`;
  const catAx = '<c:catAx><c:axId val="500000001"/><c:scaling><c:orientation val="minMax"/></c:scaling><c:delete val="0"/><c:axPos val="b"/>'
    + '<c:numFmt formatCode="General" sourceLinked="1"/><c:majorTickMark val="out"/><c:minorTickMark val="none"/><c:tickLblPos val="low"/>'
    + '<c:crossAx val="500000002"/><c:crosses val="autoZero"/><c:auto val="1"/><c:lblAlgn val="ctr"/><c:lblOffset val="100"/><c:noMultiLvlLbl val="0"/></c:catAx>';
  const valAx = '<c:valAx><c:axId val="500000002"/><c:scaling><c:orientation val="minMax"/></c:scaling><c:delete val="0"/><c:axPos val="l"/>'
    + '<c:majorGridlines><c:spPr><a:ln w="6350"><a:solidFill><a:srgbClr val="D9D9D9"/></a:solidFill></a:ln></c:spPr></c:majorGridlines>'
    + '<c:numFmt formatCode="#,##0" sourceLinked="0"/><c:majorTickMark val="out"/><c:minorTickMark val="none"/><c:tickLblPos val="nextTo"/>'
    + '<c:crossAx val="500000001"/><c:crosses val="autoZero"/><c:crossBetween val="between"/></c:valAx>';
  return '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>'
    + `<c:chartSpace xmlns:c="${NS.c}" xmlns:a="${NS.a}" xmlns:r="${NS.r}"><c:roundedCorners val="0"/><c:chart>`
    + `<c:title><c:tx>${richText(chart.title, 1200, true)}</c:tx><c:overlay val="0"/></c:title><c:autoTitleDeleted val="0"/>`
    + `<c:plotArea><c:layout/>${plot}${catAx}${valAx}</c:plotArea>`
    + '<c:legend><c:legendPos val="b"/><c:overlay val="0"/></c:legend><c:plotVisOnly val="1"/><c:dispBlanksAs val="gap"/></c:chart></c:chartSpace>';
}

/** The drawing part of a sheet: one anchored graphic frame per chart, chart k related as rId{k+1}. */
export function drawingXml(charts: readonly ChartSpec[]): string {
  const anchors = charts.map((c, k) => {
    const corner = (row: number, col: number) => `<xdr:col>${col}</xdr:col><xdr:colOff>0</xdr:colOff><xdr:row>${row}</xdr:row><xdr:rowOff>0</xdr:rowOff>`;
    return `<xdr:twoCellAnchor editAs="oneCell"><xdr:from>${corner(c.at.row, c.at.col)}</xdr:from>`
      + `<xdr:to>${corner(c.at.row + c.size.rows, c.at.col + c.size.cols)}</xdr:to>`
      + `<xdr:graphicFrame macro=""><xdr:nvGraphicFramePr><xdr:cNvPr id="${k + 2}" name="CEQ_chart_${esc(c.id)}"/><xdr:cNvGraphicFramePr/></xdr:nvGraphicFramePr>`
      + '<xdr:xfrm><a:off x="0" y="0"/><a:ext cx="0" cy="0"/></xdr:xfrm>'
      + `<a:graphic><a:graphicData uri="${NS.c}"><c:chart xmlns:c="${NS.c}" xmlns:r="${NS.r}" r:id="rId${k + 1}"/></a:graphicData></a:graphic>`
      + '</xdr:graphicFrame><xdr:clientData/></xdr:twoCellAnchor>';
  }).join('');
  return `<?xml version="1.0" encoding="UTF-8" standalone="yes"?><xdr:wsDr xmlns:xdr="${NS.xdr}" xmlns:a="${NS.a}">${anchors}</xdr:wsDr>`;
}

function relationships(items: readonly { id: string; type: string; target: string }[]): string {
  return `<?xml version="1.0" encoding="UTF-8" standalone="yes"?><Relationships xmlns="${NS.rels}">`
    + items.map((r) => `<Relationship Id="${r.id}" Type="${r.type}" Target="${esc(r.target)}"/>`).join('') + '</Relationships>';
}

/** Elements a worksheet may have after <drawing> (ECMA-376 CT_Worksheet order): <drawing> goes before the first. */
const AFTER_DRAWING = ['<legacyDrawing', '<legacyDrawingHF', '<drawingHF', '<picture', '<oleObjects', '<controls', '<webPublishItems', '<tableParts', '<extLst', '</worksheet>'];

/**
 * Adds every chart of `sheets` to a package written by exceljs: chart and drawing parts, their
 * relationships, the <drawing> element of each sheet and the content types. Returns the paths added.
 */
export async function addChartsToPackage(zip: ZipLike, sheets: readonly SheetSpec[]): Promise<string[]> {
  const read = async (path: string) => {
    const f = zip.file(path);
    if (!f) throw new Error(`${path} missing from the package`);
    return f.async('string');
  };
  const workbook = await read('xl/workbook.xml');
  const workbookRels = await read('xl/_rels/workbook.xml.rels');
  let types = await read('[Content_Types].xml');
  const added: string[] = [];
  let chartNo = 0;
  let drawingNo = 0;
  for (const sheet of sheets) {
    if (!sheet.charts.length) continue;
    const rid = new RegExp(`<sheet [^>]*name="${esc(sheet.name).replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}"[^>]*r:id="([^"]+)"`).exec(workbook)?.[1];
    const target = rid && new RegExp(`Id="${rid}"[^>]*Target="([^"]+)"|Target="([^"]+)"[^>]*Id="${rid}"`).exec(workbookRels);
    if (!target) throw new Error(`sheet ${sheet.name} not found in the package`);
    const sheetPath = `xl/${(target[1] ?? target[2]).replace(/^\/?xl\//, '')}`;
    const sheetFile = sheetPath.split('/').pop()!;
    const sheetRelsPath = `xl/worksheets/_rels/${sheetFile}.rels`;
    drawingNo++;
    const drawingPath = `xl/drawings/drawing${drawingNo}.xml`;
    const chartRels = sheet.charts.map((c, k) => {
      chartNo++;
      const chartPath = `xl/charts/chart${chartNo}.xml`;
      zip.file(chartPath, chartXml(c, sheet));
      types = types.replace('</Types>', `<Override PartName="/${chartPath}" ContentType="${TYPE.chart}"/></Types>`);
      added.push(chartPath);
      return { id: `rId${k + 1}`, type: REL.chart, target: `../charts/chart${chartNo}.xml` };
    });
    zip.file(drawingPath, drawingXml(sheet.charts));
    zip.file(`xl/drawings/_rels/drawing${drawingNo}.xml.rels`, relationships(chartRels));
    types = types.replace('</Types>', `<Override PartName="/${drawingPath}" ContentType="${TYPE.drawing}"/></Types>`);
    added.push(drawingPath);

    // The sheet's own relationships: keep what exceljs wrote, add the drawing.
    const existing = zip.file(sheetRelsPath) ? await read(sheetRelsPath) : relationships([]);
    const drawingRid = 'rIdCeqDrawing';
    zip.file(sheetRelsPath, existing.replace('</Relationships>', `<Relationship Id="${drawingRid}" Type="${REL.drawing}" Target="../drawings/drawing${drawingNo}.xml"/></Relationships>`));
    let xml = await read(sheetPath);
    const at = Math.min(...AFTER_DRAWING.map((tag) => xml.indexOf(tag)).filter((i) => i >= 0));
    xml = `${xml.slice(0, at)}<drawing r:id="${drawingRid}"/>${xml.slice(at)}`;
    zip.file(sheetPath, xml);
  }
  zip.file('[Content_Types].xml', types);
  return added;
}
