/**
 * Builds hostile and heavy workbooks in the test itself: a ZIP whose entries declare small sizes
 * but inflate to far more (the attack of issue 11), and an honest workbook with many cells.
 */
import { once } from "node:events";
import { createDeflateRaw, deflateRawSync } from "node:zlib";
import ExcelJS from "exceljs";

type Entry = { name: string; data: Buffer; method: 0 | 8; declaredSize: number };

const CONTENT_TYPES = `<?xml version="1.0" encoding="UTF-8"?><Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"><Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/><Default Extension="xml" ContentType="application/xml"/><Override PartName="/xl/workbook.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml"/><Override PartName="/xl/worksheets/sheet1.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.worksheet+xml"/></Types>`;
const RELS = `<?xml version="1.0" encoding="UTF-8"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument" Target="xl/workbook.xml"/></Relationships>`;
const WORKBOOK = `<?xml version="1.0" encoding="UTF-8"?><workbook xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main" xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships"><sheets><sheet name="Sheet1" sheetId="1" r:id="rId1"/></sheets></workbook>`;
const WORKBOOK_RELS = `<?xml version="1.0" encoding="UTF-8"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/worksheet" Target="worksheets/sheet1.xml"/></Relationships>`;

function zip(entries: Entry[]): Uint8Array<ArrayBuffer> {
  const locals: Buffer[] = [];
  const centrals: Buffer[] = [];
  let offset = 0;
  for (const entry of entries) {
    const name = Buffer.from(entry.name);
    const local = Buffer.alloc(30);
    local.writeUInt32LE(0x04034b50, 0);
    local.writeUInt16LE(20, 4);
    local.writeUInt16LE(entry.method, 8);
    local.writeUInt32LE(0, 14); // crc: never checked before the sizes are
    local.writeUInt32LE(entry.data.length, 18);
    local.writeUInt32LE(entry.declaredSize, 22);
    local.writeUInt16LE(name.length, 26);
    const central = Buffer.alloc(46);
    central.writeUInt32LE(0x02014b50, 0);
    central.writeUInt16LE(20, 4);
    central.writeUInt16LE(20, 6);
    central.writeUInt16LE(entry.method, 10);
    central.writeUInt32LE(entry.data.length, 20);
    central.writeUInt32LE(entry.declaredSize, 24);
    central.writeUInt16LE(name.length, 28);
    central.writeUInt32LE(offset, 42);
    locals.push(local, name, entry.data);
    centrals.push(central, name);
    offset += local.length + name.length + entry.data.length;
  }
  const directory = Buffer.concat(centrals);
  const end = Buffer.alloc(22);
  end.writeUInt32LE(0x06054b50, 0);
  end.writeUInt16LE(entries.length, 8);
  end.writeUInt16LE(entries.length, 10);
  end.writeUInt32LE(directory.length, 12);
  end.writeUInt32LE(offset, 16);
  return new Uint8Array(Buffer.concat([...locals, directory, end]));
}

const plain = (name: string, text: string): Entry => {
  const data = deflateRawSync(Buffer.from(text));
  return { name, data, method: 8, declaredSize: Buffer.byteLength(text) };
};

/**
 * An .xlsx whose worksheet declares `declaredSize` bytes (2 KB) but inflates to `inflatedMb`
 * (a few hundred KB on disk): a reader that trusts the declared sizes runs out of heap.
 */
export async function craftedXlsxBomb(inflatedMb = 200, declaredSize = 2048): Promise<Uint8Array<ArrayBuffer>> {
  const row = '<row r="1"><c r="A1" t="inlineStr"><is><t>x</t></is></c></row>';
  const chunk = Buffer.from(row.repeat(Math.ceil((1024 * 1024) / row.length)));
  const deflate = createDeflateRaw({ level: 6 });
  const out: Buffer[] = [];
  deflate.on("data", (c: Buffer) => out.push(c));
  deflate.write('<?xml version="1.0"?><worksheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><sheetData>');
  for (let i = 0; i < inflatedMb; i++) if (!deflate.write(chunk)) await once(deflate, "drain");
  deflate.end("</sheetData></worksheet>");
  await once(deflate, "end");
  return zip([
    plain("[Content_Types].xml", CONTENT_TYPES),
    plain("_rels/.rels", RELS),
    plain("xl/workbook.xml", WORKBOOK),
    plain("xl/_rels/workbook.xml.rels", WORKBOOK_RELS),
    { name: "xl/worksheets/sheet1.xml", data: Buffer.concat(out), method: 8, declaredSize },
  ]);
}

/** An honest workbook of `rows` × `columns` short text cells (compresses to a small file). */
export async function heavyWorkbook(rows: number, columns: number, header?: string[]): Promise<Uint8Array<ArrayBuffer>> {
  const workbook = new ExcelJS.Workbook();
  const sheet = workbook.addWorksheet("Sheet1");
  if (header) sheet.addRow(header);
  for (let r = 0; r < rows; r++) sheet.addRow(Array.from({ length: columns }, (_, c) => `r${r % 97}c${c}`));
  return new Uint8Array(await workbook.xlsx.writeBuffer());
}
