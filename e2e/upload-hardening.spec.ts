/**
 * Issue 11, point 7, against the production build (`next build` + `next start`): the spreadsheet
 * parser runs in a worker thread that Turbopack bundles from lib/files/table-worker.ts. An honest
 * workbook is read through it; the crafted bomb of the attack is refused with 413 within 2 s
 * while /api/v1/me keeps answering within 1 s.
 */

import fs from "node:fs";
import path from "node:path";
import { craftedXlsxBomb, heavyWorkbook } from "../tests/support/zip-bomb";
import { api } from "./support/catalogue";
import { expect, test } from "./support/fixtures";

const XLSX_MIME = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";
const HEADER = ["kind", "originalTitle", "originalLanguage", "genres", "year"];

test("the build bundles the parser's worker thread as a chunk of its own", () => {
  const chunks = path.join(process.cwd(), process.env.NEXT_DIST_DIR || ".next", "server", "chunks");
  const worker = fs
    .readdirSync(chunks, { recursive: true })
    .map(String)
    .filter((name) => name.includes("table-worker"));
  expect(worker.length).toBeGreaterThan(0);
});

test("the built server reads a workbook in its worker and refuses the crafted bomb while answering others", async ({ page, signUp }) => {
  test.slow();
  await signUp(page, { kind: "STUDIO" });
  const request = api(page.request);
  const upload = (name: string, buffer: Buffer) =>
    request.post("/api/v1/titles/import?dryRun=true", { multipart: { file: { name, mimeType: XLSX_MIME, buffer } } });

  // Three rows in a real workbook: parsed by the bundled worker and previewed (nothing written).
  const preview = await upload("titles.xlsx", Buffer.from(await heavyWorkbook(3, HEADER.length, HEADER)));
  expect(preview.status(), await preview.text()).toBe(200);
  expect(await preview.json()).toMatchObject({ rows: 3 });

  const bomb = Buffer.from(await craftedXlsxBomb(200, 2048));
  const started = Date.now();
  let done = false;
  const refused = upload("bomb.xlsx", bomb).finally(() => {
    done = true;
  });
  let slowest = 0;
  let answers = 0;
  while (!done) {
    const before = Date.now();
    const me = await request.get("/api/v1/me");
    expect(me.status()).toBe(200);
    slowest = Math.max(slowest, Date.now() - before);
    answers += 1;
    await page.waitForTimeout(50);
  }
  const res = await refused;
  expect(Date.now() - started).toBeLessThan(2_000);
  expect(res.status()).toBe(413);
  expect(res.headers()["content-type"]).toContain("application/problem+json");
  expect((await res.json()).type).toBe("/problems/file-too-large");
  expect(answers).toBeGreaterThan(0);
  expect(slowest).toBeLessThan(1_000);
  // The server lives on.
  expect((await request.get("/api/v1/me")).status()).toBe(200);
});
