import { describe, expect, it } from "vitest";
import { cleanFileName, sniffAttachmentType } from "./attachments";

const bytes = (...parts: (string | number[])[]) =>
  new Uint8Array(parts.flatMap((p) => (typeof p === "string" ? [...new TextEncoder().encode(p)] : p)));

describe("sniffAttachmentType", () => {
  it.each([
    ["a PDF", bytes("%PDF-1.7\n..."), "script.pdf", "application/pdf"],
    ["a PDF whatever its name", bytes("%PDF-1.4"), "storyboard", "application/pdf"],
    ["a PNG", bytes([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0]), "a.png", "image/png"],
    ["a JPEG", bytes([0xff, 0xd8, 0xff, 0xe0]), "a.jpg", "image/jpeg"],
    ["a WebP", bytes("RIFF", [1, 2, 3, 4], "WEBPVP8 "), "a.webp", "image/webp"],
    ["a RIFF that is not WebP (WAV)", bytes("RIFF", [1, 2, 3, 4], "WAVEfmt "), "a.webp", null],
    [
      "a .docx (ZIP)",
      bytes([0x50, 0x4b, 0x03, 0x04, 20]),
      "notes.docx",
      "application/vnd.openxmlformats-officedocument.wordprocessingml.document",
    ],
    ["a ZIP not named .docx", bytes([0x50, 0x4b, 0x03, 0x04, 20]), "archive.zip", null],
    ["UTF-8 text named .txt", bytes("第一集 cut 04:10"), "notes.txt", "text/plain"],
    ["text with NUL", bytes("abc", [0], "def"), "notes.txt", null],
    ["invalid UTF-8 named .txt", bytes([0xc3, 0x28]), "notes.txt", null],
    ["text not named .txt", bytes("hello"), "notes.exe", null],
    ["a Windows executable", bytes("MZ", [0x90, 0]), "tool.exe", null],
    ["a PNG claimed as PDF by its name only", bytes("not a pdf"), "fake.pdf", null],
    ["an empty file", bytes(), "empty.txt", "text/plain"],
  ])("%s", (_name, content, fileName, expected) => {
    expect(sniffAttachmentType(content, fileName)).toBe(expected);
  });
});

describe("cleanFileName", () => {
  it.each([
    ["storyboard 1.png", "storyboard 1.png"],
    ["C:\\Users\\ana\\script.pdf", "script.pdf"],
    ["../../etc/passwd", "passwd"],
    ['say "hi".txt', "say hi.txt"],
    ["line\nbreak\u0000.txt", "linebreak.txt"],
    ["   ", "attachment"],
    ["剧本 第一稿.docx", "剧本 第一稿.docx"],
  ])("%j → %j", (input, expected) => {
    expect(cleanFileName(input)).toBe(expected);
  });

  it("keeps names within 255 characters", () => {
    expect(cleanFileName(`${"a".repeat(400)}.pdf`)).toHaveLength(255);
  });
});
