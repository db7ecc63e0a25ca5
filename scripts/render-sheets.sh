#!/usr/bin/env bash
# Regenerates the screenshots of the inserted sheets in docs/images from files written by
# `npm run export`: LibreOffice (headless) prints each sheet's preview area to PDF and pdftoppm turns
# the pages into images.
#
#   scripts/render-sheets.sh            # English, into docs/images
#   OUT=/tmp/shots scripts/render-sheets.sh
#
# Needs: node, soffice (apt-get install -y --no-install-recommends libreoffice-calc) and pdftoppm
# (poppler-utils); the white margins are trimmed by a few lines of node. LibreOffice runs with a private profile that recalculates every formula on load, so
# the numbers in the pictures are computed from the formulas in the file, not read from its cache.
set -euo pipefail

root="$(cd "$(dirname "$0")/.." && pwd)"
out="${OUT:-$root/docs/images}"
dpi="${DPI:-110}"
for tool in soffice pdftoppm; do
  command -v "$tool" >/dev/null || { echo "render-sheets: $tool not found" >&2; exit 1; }
done
work="$(mktemp -d)"
trap 'rm -rf "$work"' EXIT
mkdir -p "$out" "$work/profile/user"
cat > "$work/profile/user/registrymodifications.xcu" <<'XCU'
<?xml version="1.0" encoding="UTF-8"?>
<oor:items xmlns:oor="http://openoffice.org/2001/registry" xmlns:xs="http://www.w3.org/2001/XMLSchema" xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance">
<item oor:path="/org.openoffice.Office.Calc/Formula/Load"><prop oor:name="OOXMLRecalcMode" oor:op="fuse"><value>0</value></prop></item>
</oor:items>
XCU

# PPM (pdftoppm's plain output) → PNG cropped to the printed content plus a margin, with node's zlib only.
cat > "$work/trim.mjs" <<'JS'
import { readFileSync, writeFileSync } from 'node:fs';
import { crc32, deflateSync } from 'node:zlib';
const [input, output] = process.argv.slice(2);
const buf = readFileSync(input);
const header = buf.toString('latin1', 0, 64).match(/^P6\s+(\d+)\s+(\d+)\s+255\s/);
const [w, h] = [Number(header[1]), Number(header[2])];
const px = buf.subarray(header[0].length);
let [x0, y0, x1, y1] = [w, h, -1, -1];
for (let y = 0; y < h; y++) for (let x = 0; x < w; x++) {
  const i = 3 * (y * w + x);
  if (px[i] < 245 || px[i + 1] < 245 || px[i + 2] < 245) { x0 = Math.min(x0, x); x1 = Math.max(x1, x); y0 = Math.min(y0, y); y1 = Math.max(y1, y); }
}
const m = 12;
[x0, y0, x1, y1] = [Math.max(0, x0 - m), Math.max(0, y0 - m), Math.min(w - 1, x1 + m), Math.min(h - 1, y1 + m)];
const cw = x1 - x0 + 1, ch = y1 - y0 + 1;
const raw = Buffer.alloc(ch * (1 + 3 * cw));
for (let y = 0; y < ch; y++) px.copy(raw, y * (1 + 3 * cw) + 1, 3 * ((y0 + y) * w + x0), 3 * ((y0 + y) * w + x1 + 1));
const chunk = (type, data) => {
  const len = Buffer.alloc(4); len.writeUInt32BE(data.length);
  const td = Buffer.concat([Buffer.from(type, 'latin1'), data]);
  const crc = Buffer.alloc(4); crc.writeUInt32BE(crc32(td) >>> 0);
  return Buffer.concat([len, td, crc]);
};
const ihdr = Buffer.alloc(13); ihdr.writeUInt32BE(cw, 0); ihdr.writeUInt32BE(ch, 4); ihdr[8] = 8; ihdr[9] = 2;
writeFileSync(output, Buffer.concat([Buffer.from([137, 80, 78, 71, 13, 10, 26, 10]), chunk('IHDR', ihdr), chunk('IDAT', deflateSync(raw, { level: 9 })), chunk('IEND', Buffer.alloc(0))]));
JS

# render EXAMPLE PREVIEW PAGE NAME: page PAGE of the PDF of `--print-preview PREVIEW` → NAME.png
render() {
  local example="$1" preview="$2" page="$3" name="$4"
  local xlsx="$work/$example-$preview.xlsx"
  if [ ! -f "$xlsx" ]; then
    node "$root/scripts/export.mjs" --scenario "$root/examples/$example.json" --out "$xlsx" --print-preview "$preview" >/dev/null
    soffice "-env:UserInstallation=file://$work/profile" --headless --convert-to pdf --outdir "$work" "$xlsx" >/dev/null 2>&1
  fi
  pdftoppm -r "$dpi" -f "$page" -l "$page" -singlefile "$work/$example-$preview.pdf" "$work/$name"
  node "$work/trim.mjs" "$work/$name.ppm" "$out/$name.png"
  echo "wrote $out/$name.png"
}

# Preview 0 prints, one page each: the inputs, the model's constants, the summary with its charts.
render mid-market-saas 0 1 sheet-inputs
render mid-market-saas 0 2 sheet-model
render mid-market-saas 0 3 sheet-summary
# Preview 1 prints the model's period table (a quarterly example, so there are more rows to see).
render enterprise-multi-year 1 1 sheet-model-periods
