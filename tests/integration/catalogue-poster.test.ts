import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { NextRequest } from "next/server";
import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { GET, POST } from "@/app/api/v1/titles/[id]/poster/route";
import { POST as createTitle } from "@/app/api/v1/titles/route";
import { moveLegacyPosters } from "@/lib/catalogue/legacy-posters";
import { db } from "@/lib/db/client";
import { callRoute, type Registered, registerViaApi } from "../support/api";
import { resetDb } from "../support/db";

const PNG = new Uint8Array([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, ...new Array(64).fill(7)]);
let dir: string;
let studio: Registered;
let other: Registered;
let partner: Registered;
let titleId: string;

beforeAll(() => {
  dir = fs.mkdtempSync(path.join(os.tmpdir(), "rb-posters-"));
  process.env.POSTER_DIR = dir;
});
afterAll(() => fs.rmSync(dir, { recursive: true, force: true }));

beforeEach(async () => {
  await resetDb();
  studio = await registerViaApi({ organization: { name: "Poster Studio", kind: "STUDIO", homeCountry: "CN" } });
  other = await registerViaApi({ organization: { name: "Other Studio", kind: "STUDIO", homeCountry: "KR" } });
  partner = await registerViaApi({ organization: { name: "Poster Partner", kind: "PARTNER", homeCountry: "TH" } });
  const title = await callRoute(createTitle, "/api/v1/titles", {
    headers: studio.headers,
    json: { kind: "FILM", originalTitle: "海报", originalLanguage: "zh", year: 2025, visibility: "PRIVATE" },
  });
  titleId = title.body.id;
});

async function upload(headers: Record<string, string>, bytes: Uint8Array, type = "image/png") {
  const form = new FormData();
  form.set("file", new File([new Uint8Array(bytes)], "poster.png", { type }));
  const req = new NextRequest(`http://localhost:3000/api/v1/titles/${titleId}/poster`, { method: "POST", headers, body: form });
  return POST(req, { params: Promise.resolve({ id: titleId }) });
}

describe("title posters (one upload path shared with the file imports)", () => {
  it("stores an image for the owning studio and serves it with its type; others get 404", async () => {
    expect((await upload(studio.headers, PNG)).status).toBe(200);
    const got = await callRoute(GET, `/api/v1/titles/${titleId}/poster`, { headers: studio.headers, params: { id: titleId } });
    expect(got.status).toBe(200);
    expect(got.headers.get("content-type")).toBe("image/png");
    expect((await callRoute(GET, `/api/v1/titles/${titleId}/poster`, { headers: partner.headers, params: { id: titleId } })).status).toBe(
      404,
    );
    expect((await upload(other.headers, PNG)).status).toBe(404);
    // The title is PRIVATE: the partner cannot see it, so 404 too (issue 17 point 18).
    expect((await upload(partner.headers, PNG)).status).toBe(404);
  });

  it("refuses what is not an image (415), an oversized file (413) and a request without a file (422)", async () => {
    expect((await upload(studio.headers, new TextEncoder().encode("not an image at all"))).status).toBe(415);
    const huge = new Uint8Array(5 * 1024 * 1024 + 10);
    huge.set(PNG);
    expect((await upload(studio.headers, huge)).status).toBe(413);
    const noFile = await callRoute(POST, `/api/v1/titles/${titleId}/poster`, {
      headers: studio.headers,
      params: { id: titleId },
      json: { file: null },
    });
    expect(noFile.status).toBe(415);
    const emptyForm = new NextRequest(`http://localhost:3000/api/v1/titles/${titleId}/poster`, {
      method: "POST",
      headers: studio.headers,
      body: new FormData(),
    });
    expect((await POST(emptyForm, { params: Promise.resolve({ id: titleId }) })).status).toBe(422);
  });

  it("keeps posters in the shared storage (stored_file), never on local disk, and drops the replaced one", async () => {
    expect((await upload(studio.headers, PNG)).status).toBe(200);
    const first = await db.title.findUniqueOrThrow({ where: { id: titleId }, select: { posterFile: true } });
    expect(await db.storedFile.findMany({ select: { key: true, contentType: true, sizeBytes: true } })).toEqual([
      { key: `posters/${first.posterFile}`, contentType: "image/png", sizeBytes: PNG.byteLength },
    ]);
    expect(fs.readdirSync(dir)).toEqual([]);

    const second = new Uint8Array([...PNG, 1, 2, 3]);
    expect((await upload(studio.headers, second)).status).toBe(200);
    const after = await db.title.findUniqueOrThrow({ where: { id: titleId }, select: { posterFile: true } });
    expect((await db.storedFile.findMany({ select: { key: true } })).map((f) => f.key)).toEqual([`posters/${after.posterFile}`]);
    const got = await callRoute(GET, `/api/v1/titles/${titleId}/poster`, { headers: studio.headers, params: { id: titleId } });
    expect(new Uint8Array(await new Response(got.text).arrayBuffer()).byteLength).toBeGreaterThan(0);
    expect(got.headers.get("content-length")).toBe(String(second.byteLength));
  });

  it("moves posters an earlier version left on disk into the storage, once", async () => {
    const name = `${titleId}-0123456789abcdef.png`;
    fs.writeFileSync(path.join(dir, name), PNG);
    await db.title.update({ where: { id: titleId }, data: { posterFile: name, posterType: "image/png" } });
    expect((await callRoute(GET, `/api/v1/titles/${titleId}/poster`, { headers: studio.headers, params: { id: titleId } })).status).toBe(
      404,
    );

    expect(await moveLegacyPosters(dir)).toEqual({ moved: 1, missing: 0 });
    fs.rmSync(path.join(dir, name));
    const got = await callRoute(GET, `/api/v1/titles/${titleId}/poster`, { headers: studio.headers, params: { id: titleId } });
    expect(got.status).toBe(200);
    expect(got.headers.get("content-length")).toBe(String(PNG.byteLength));
    expect(await moveLegacyPosters(dir)).toEqual({ moved: 0, missing: 0 });
  });
});
