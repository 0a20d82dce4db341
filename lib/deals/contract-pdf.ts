import "server-only";
import { existsSync, readFileSync } from "node:fs";
import path from "node:path";
import PDFDocument from "pdfkit";

/**
 * Drawing primitives for the contract PDF (pdfkit): fonts, headings, paragraphs, bordered tables
 * that repeat their header on each page, and the page footer.
 *
 * Fonts: Noto Sans Hans (Simplified Chinese subset of Noto Sans CJK, with Latin, kana and
 * traditional characters; SIL Open Font License) from the npm package @embedpdf/fonts-sc, so a
 * fresh `npm install` renders Chinese without system fonts. pdfkit embeds only the glyphs used.
 * Hangul and Thai are not in the font. CONTRACT_FONT_DIR may point elsewhere (same file names).
 */
const FONT_FILES = { regular: "NotoSansHans-Regular.otf", bold: "NotoSansHans-Bold.otf" } as const;

// The turbopackIgnore comments keep Next's file tracer from copying the whole project into the
// standalone build for these run-time paths; next.config.js traces the two font files in instead.
function fontDir(): string {
  const candidates = [process.env.CONTRACT_FONT_DIR, path.join(process.cwd(), "node_modules", "@embedpdf", "fonts-sc", "fonts")];
  const dir = candidates.find(
    (d): d is string => !!d && existsSync(/*turbopackIgnore: true*/ path.join(/*turbopackIgnore: true*/ d, FONT_FILES.regular)),
  );
  if (!dir) throw new Error("Contract fonts not found: run npm install (package @embedpdf/fonts-sc) or set CONTRACT_FONT_DIR.");
  return dir;
}

let fonts: { regular: Buffer; bold: Buffer } | undefined;
function loadFonts() {
  if (!fonts) {
    const dir = fontDir();
    fonts = {
      regular: readFileSync(/*turbopackIgnore: true*/ path.join(/*turbopackIgnore: true*/ dir, FONT_FILES.regular)),
      bold: readFileSync(/*turbopackIgnore: true*/ path.join(/*turbopackIgnore: true*/ dir, FONT_FILES.bold)),
    };
  }
  return fonts;
}

export type Doc = PDFKit.PDFDocument;

const INK = "#1f2430";
const MUTED = "#5b6270";
const RULE = "#9aa1ad";
const HEADER_FILL = "#eceff3";
export const BODY_SIZE = 9.5;

export function createDoc(info: { title: string; subject: string; lang: string }): Doc {
  const { regular, bold } = loadFonts();
  // `font: ""` skips pdfkit's default Helvetica, whose metrics file a bundler may not ship.
  const doc = new PDFDocument({
    size: "A4",
    margins: { top: 60, bottom: 64, left: 56, right: 56 },
    bufferPages: true,
    font: "",
    lang: info.lang,
    displayTitle: true,
    info: { Title: info.title, Subject: info.subject, Creator: "Rightsbridge", Producer: "Rightsbridge (pdfkit)" },
  } as PDFKit.PDFDocumentOptions);
  doc.registerFont("body", regular);
  doc.registerFont("bold", bold);
  doc.font("body").fontSize(BODY_SIZE).fillColor(INK);
  if (!info.lang.startsWith("zh")) proportionalPunctuation(doc);
  return doc;
}

/**
 * A CJK font sets quotes and apostrophes full width (“ ’ as wide as 国), which reads as gaps in
 * English. Its OpenType feature "pwid" selects the proportional forms; pdfkit takes features per
 * call, so English documents get it on every text call and measurement.
 */
function proportionalPunctuation(doc: Doc) {
  const features: PDFKit.Mixins.OpenTypeFeatures[] = ["pwid"];
  const withFeatures = <T extends object | undefined>(options: T) => ({ ...(options ?? {}), features });
  const text = doc.text.bind(doc) as (...args: unknown[]) => Doc;
  doc.text = ((str: string, ...rest: unknown[]) => {
    if (typeof rest[0] === "number") return text(str, rest[0], rest[1], withFeatures(rest[2] as object | undefined));
    return text(str, withFeatures(rest[0] as object | undefined));
  }) as Doc["text"];
  const height = doc.heightOfString.bind(doc);
  doc.heightOfString = (str, options) => height(str, withFeatures(options));
  const width = doc.widthOfString.bind(doc);
  doc.widthOfString = (str, options) => width(str, withFeatures(options));
}

export function toBuffer(doc: Doc): Promise<Buffer> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    doc.on("data", (c: Buffer) => chunks.push(c));
    doc.on("end", () => resolve(Buffer.concat(chunks)));
    doc.on("error", reject);
    doc.end();
  });
}

const contentWidth = (doc: Doc) => doc.page.width - doc.page.margins.left - doc.page.margins.right;

/** Starts a new page unless `height` still fits on this one. */
export function ensureSpace(doc: Doc, height: number) {
  if (doc.y + height > doc.page.maxY()) doc.addPage();
}

export function heading(doc: Doc, text: string) {
  ensureSpace(doc, 48);
  doc.moveDown(0.8);
  doc
    .font("bold")
    .fontSize(11.5)
    .fillColor(INK)
    .text(text, doc.page.margins.left, doc.y, { width: contentWidth(doc) });
  doc.moveDown(0.3);
  doc.font("body").fontSize(BODY_SIZE);
}

export function paragraph(doc: Doc, text: string, options: { indent?: number; muted?: boolean; size?: number } = {}) {
  const left = doc.page.margins.left + (options.indent ?? 0);
  doc
    .font("body")
    .fontSize(options.size ?? BODY_SIZE)
    .fillColor(options.muted ? MUTED : INK)
    .text(text, left, doc.y, { width: contentWidth(doc) - (options.indent ?? 0), align: "left", lineGap: 1.5 });
  doc.moveDown(0.35);
  doc.fillColor(INK);
}

/** A numbered sub-clause: "3.1" hanging, the text beside it. */
export function clause(doc: Doc, number: string, text: string) {
  const left = doc.page.margins.left;
  const hang = 28;
  const height = doc.heightOfString(text, { width: contentWidth(doc) - hang, lineGap: 1.5 });
  ensureSpace(doc, Math.min(height, 40));
  const y = doc.y;
  doc.font("body").fontSize(BODY_SIZE).fillColor(INK).text(number, left, y, { width: hang, lineBreak: false });
  doc.text(text, left + hang, y, { width: contentWidth(doc) - hang, lineGap: 1.5 });
  doc.moveDown(0.35);
}

export type Column = { header: string; width: number; align?: "left" | "right" | "center" };

/**
 * A bordered table with a shaded header row, repeated after each page break. Widths are
 * fractions of the content width. Rows never split across pages (cells are kept short: long
 * territory lists go to a schedule).
 */
export function table(doc: Doc, columns: Column[], rows: string[][], options: { size?: number } = {}) {
  const size = options.size ?? 8;
  const pad = 4;
  const left = doc.page.margins.left;
  const total = contentWidth(doc);
  const widths = columns.map((c) => c.width * total);
  const measure = (cells: string[], font: string) => {
    doc.font(font).fontSize(size);
    return Math.max(...cells.map((text, i) => doc.heightOfString(text || " ", { width: widths[i]! - 2 * pad, lineGap: 1 }))) + 2 * pad;
  };
  const draw = (cells: string[], height: number, header: boolean) => {
    let x = left;
    const y = doc.y;
    cells.forEach((text, i) => {
      const w = widths[i]!;
      if (header) doc.rect(x, y, w, height).fillColor(HEADER_FILL).fill();
      doc.lineWidth(0.5).strokeColor(RULE).rect(x, y, w, height).stroke();
      doc
        .font(header ? "bold" : "body")
        .fontSize(size)
        .fillColor(INK)
        .text(text, x + pad, y + pad, { width: w - 2 * pad, align: columns[i]!.align ?? "left", lineGap: 1 });
      x += w;
    });
    doc.x = left;
    doc.y = y + height;
  };
  const headers = columns.map((c) => c.header);
  const headerHeight = measure(headers, "bold");
  const first = rows[0] ? measure(rows[0], "body") : 0;
  ensureSpace(doc, headerHeight + first);
  draw(headers, headerHeight, true);
  for (const row of rows) {
    const height = measure(row, "body");
    if (doc.y + height > doc.page.maxY()) {
      doc.addPage();
      draw(headers, headerHeight, true);
    }
    draw(row, height, false);
  }
  doc.moveDown(0.6);
  doc.font("body").fontSize(BODY_SIZE);
}

/** Label/value pairs in two columns without borders (title block, terms). */
export function facts(doc: Doc, pairs: [string, string][], labelWidth = 0.28) {
  const left = doc.page.margins.left;
  const total = contentWidth(doc);
  for (const [label, value] of pairs) {
    doc.font("body").fontSize(BODY_SIZE);
    const height = Math.max(
      doc.heightOfString(value || " ", { width: total * (1 - labelWidth), lineGap: 1.5 }),
      doc.heightOfString(label, { width: total * labelWidth - 8 }),
    );
    ensureSpace(doc, height);
    const y = doc.y;
    doc.fillColor(MUTED).text(label, left, y, { width: total * labelWidth - 8 });
    doc.fillColor(INK).text(value, left + total * labelWidth, y, { width: total * (1 - labelWidth), lineGap: 1.5 });
    doc.y = y + height + 3;
  }
  doc.x = left;
}

/** A light diagonal word across each page of a contract that is not (or no longer) in force. */
export function watermark(doc: Doc, text: string) {
  const range = doc.bufferedPageRange();
  for (let i = range.start; i < range.start + range.count; i++) {
    doc.switchToPage(i);
    const bottom = doc.page.margins.bottom;
    doc.page.margins.bottom = 0;
    doc.save();
    doc.rotate(-35, { origin: [doc.page.width / 2, doc.page.height / 2] });
    doc
      .font("bold")
      .fontSize(64)
      .fillColor("#c8cdd6")
      .opacity(0.35)
      .text(text, 0, doc.page.height / 2 - 40, { width: doc.page.width, align: "center", lineBreak: false });
    doc.restore();
    doc.opacity(1);
    doc.page.margins.bottom = bottom;
  }
}

/** Footer on every page: a left text and "page n of m" on the right, under a rule. */
export function footers(doc: Doc, left: string, pageLabel: (n: number, of: number) => string) {
  const range = doc.bufferedPageRange();
  for (let i = range.start; i < range.start + range.count; i++) {
    doc.switchToPage(i);
    const bottom = doc.page.margins.bottom;
    // Writing below the bottom margin would otherwise start a new page.
    doc.page.margins.bottom = 0;
    const y = doc.page.height - 44;
    const x = doc.page.margins.left;
    const width = contentWidth(doc);
    doc
      .lineWidth(0.5)
      .strokeColor(RULE)
      .moveTo(x, y - 6)
      .lineTo(x + width, y - 6)
      .stroke();
    doc.font("body").fontSize(7).fillColor(MUTED);
    doc.text(left, x, y, { width: width * 0.8, lineBreak: false });
    doc.text(pageLabel(i - range.start + 1, range.count), x + width * 0.8, y, { width: width * 0.2, align: "right", lineBreak: false });
    doc.page.margins.bottom = bottom;
  }
  doc.fillColor(INK);
}

export { contentWidth };
