import { describe, expect, it, vi } from "vitest";

// The poster module reads and writes through the database; these tests cover its pure checks only.
vi.mock("@/lib/db/client", () => ({ db: {} }));
const { MAX_POSTER_BYTES, sniffPosterType } = await import("./posters");

const bytes = (...parts: (number[] | string)[]) =>
  new Uint8Array(parts.flatMap((p) => (typeof p === "string" ? [...p].map((c) => c.charCodeAt(0)) : p)));

describe("sniffPosterType", () => {
  it("recognises JPEG, PNG and WebP by their first bytes", () => {
    expect(sniffPosterType(bytes([0xff, 0xd8, 0xff, 0xe0], "rest"))).toBe("image/jpeg");
    expect(sniffPosterType(bytes([0x89], "PNG", [0x0d, 0x0a, 0x1a, 0x0a], "IHDR"))).toBe("image/png");
    expect(sniffPosterType(bytes("RIFF", [0x24, 0, 0, 0], "WEBPVP8 "))).toBe("image/webp");
  });

  it("refuses anything else, whatever the file is called", () => {
    expect(sniffPosterType(bytes("GIF89a"))).toBeUndefined();
    expect(sniffPosterType(bytes("<svg xmlns='http://www.w3.org/2000/svg'/>"))).toBeUndefined();
    expect(sniffPosterType(bytes("RIFF", [0, 0, 0, 0], "WAVEfmt "))).toBeUndefined();
    expect(sniffPosterType(bytes([0x89], "PN"))).toBeUndefined();
    expect(sniffPosterType(new Uint8Array())).toBeUndefined();
  });

  it("allows posters up to 5 MB", () => {
    expect(MAX_POSTER_BYTES).toBe(5 * 1024 * 1024);
  });
});
