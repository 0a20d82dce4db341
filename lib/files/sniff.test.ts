import { describe, expect, it } from "vitest";
import { DOCX_MIME, isUtf8Text, OLE_MIME, officeTypeOf, sniffType, XLSX_MIME, ZIP_MIME } from "./sniff";

const bytes = (...parts: (string | number[])[]) =>
  new Uint8Array(parts.flatMap((p) => (typeof p === "string" ? [...new TextEncoder().encode(p)] : p)));

describe("sniffType", () => {
  it.each([
    ["PDF", bytes("%PDF-1.7"), "application/pdf"],
    ["PNG", bytes([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]), "image/png"],
    ["JPEG", bytes([0xff, 0xd8, 0xff, 0xdb]), "image/jpeg"],
    ["WebP", bytes("RIFF", [0, 0, 0, 0], "WEBP"), "image/webp"],
    ["a RIFF that is not WebP", bytes("RIFF", [0, 0, 0, 0], "WAVE"), null],
    ["a RIFF too short to say", bytes("RIFF", [0, 0]), null],
    ["ZIP", bytes([0x50, 0x4b, 0x03, 0x04, 20]), ZIP_MIME],
    ["OLE (.xls, .doc)", bytes([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1]), OLE_MIME],
    ["text", bytes("titleId,gross"), null],
    ["nothing", bytes(), null],
    ["a PDF signature cut short", bytes("%PDF"), null],
  ])("%s", (_name, content, expected) => {
    expect(sniffType(content)).toBe(expected);
  });
});

describe("officeTypeOf", () => {
  it("tells .xlsx from .docx by name or declared type, and nothing else", () => {
    expect(officeTypeOf("Budget.XLSX")).toBe(XLSX_MIME);
    expect(officeTypeOf("upload", XLSX_MIME)).toBe(XLSX_MIME);
    expect(officeTypeOf("notes.docx")).toBe(DOCX_MIME);
    expect(officeTypeOf("upload", DOCX_MIME)).toBe(DOCX_MIME);
    expect(officeTypeOf("archive.zip", "application/zip")).toBeNull();
  });
});

describe("isUtf8Text", () => {
  it("accepts UTF-8 without NUL only", () => {
    expect(isUtf8Text(bytes("第一集 cut"))).toBe(true);
    expect(isUtf8Text(bytes())).toBe(true);
    expect(isUtf8Text(bytes("a", [0], "b"))).toBe(false);
    expect(isUtf8Text(bytes([0xc3, 0x28]))).toBe(false);
  });
});
