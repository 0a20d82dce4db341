/**
 * Both storage backends keep the same contract. The S3 backend talks through the real AWS SDK to a
 * minimal S3-compatible server in this process (path-style PUT/GET/HEAD/DELETE on /bucket/key), so
 * the SDK wiring (endpoint, path style, credentials, prefix, missing keys) is exercised for real.
 */
import http from "node:http";
import type { AddressInfo } from "node:net";
import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { db } from "@/lib/db/client";
import { postgresStorage } from "@/lib/storage/postgres";
import { s3SettingsFromEnv, s3Storage } from "@/lib/storage/s3";
import type { FileStorage } from "@/lib/storage/types";
import { resetDb } from "../support/db";

const objects = new Map<string, { body: Buffer; type: string }>();
const requests: string[] = [];
let server: http.Server;
let endpoint: string;

beforeAll(async () => {
  server = http.createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on("data", (c: Buffer) => chunks.push(c));
    req.on("end", () => {
      const path = decodeURIComponent(new URL(req.url ?? "/", "http://x").pathname);
      requests.push(
        `${req.method} ${path} ${req.headers.authorization?.startsWith("AWS4-HMAC-SHA256 Credential=test-key/") ? "signed" : "unsigned"}`,
      );
      const found = objects.get(path);
      if (req.method === "PUT") {
        objects.set(path, { body: Buffer.concat(chunks), type: String(req.headers["content-type"] ?? "") });
        res.writeHead(200, { etag: '"1"' }).end();
      } else if ((req.method === "GET" || req.method === "HEAD") && found) {
        res.writeHead(200, { "content-type": found.type, "content-length": found.body.byteLength });
        res.end(req.method === "GET" ? found.body : undefined);
      } else if (req.method === "GET" || req.method === "HEAD") {
        res.writeHead(404, { "content-type": "application/xml" });
        res.end(req.method === "GET" ? "<Error><Code>NoSuchKey</Code><Message>missing</Message></Error>" : undefined);
      } else if (req.method === "DELETE") {
        objects.delete(path);
        res.writeHead(204).end();
      } else res.writeHead(405).end();
    });
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  endpoint = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
});
afterAll(async () => {
  await new Promise((resolve) => server.close(resolve));
  await db.$disconnect();
});
beforeEach(() => resetDb());

async function contract(store: FileStorage) {
  const bytes = new Uint8Array([1, 2, 3, 250]);
  expect(await store.get("posters/none.png")).toBeNull();
  expect(await store.has("posters/none.png")).toBe(false);
  await store.put("posters/a.png", bytes, "image/png");
  expect(await store.has("posters/a.png")).toBe(true);
  expect(await store.get("posters/a.png")).toEqual({ bytes, contentType: "image/png" });
  await store.put("posters/a.png", new Uint8Array([9]), "image/webp");
  expect(await store.get("posters/a.png")).toEqual({ bytes: new Uint8Array([9]), contentType: "image/webp" });
  await store.delete("posters/a.png");
  await store.delete("posters/a.png");
  expect(await store.get("posters/a.png")).toBeNull();
}

describe("file storage", () => {
  it("PostgreSQL keeps files in stored_file", async () => {
    await contract(postgresStorage);
    await postgresStorage.put("posters/b.png", new Uint8Array([7]), "image/png");
    expect(await db.storedFile.findMany({ select: { key: true, sizeBytes: true } })).toEqual([{ key: "posters/b.png", sizeBytes: 1 }]);
  });

  it("S3 keeps files in the bucket under the prefix, signed with the configured credentials", async () => {
    const settings = s3SettingsFromEnv({
      S3_BUCKET: "rb-files",
      S3_ENDPOINT: endpoint,
      S3_REGION: "eu-central-1",
      S3_PREFIX: "prod/",
      S3_ACCESS_KEY_ID: "test-key",
      S3_SECRET_ACCESS_KEY: "test-secret",
    });
    expect(settings).toMatchObject({ bucket: "rb-files", endpoint, prefix: "prod/" });
    await contract(s3Storage(settings!));
    expect(requests).toContain("PUT /rb-files/prod/posters/a.png signed");
    expect(requests.every((r) => r.endsWith("signed") && r.includes("/rb-files/prod/posters/"))).toBe(true);
    expect(await db.storedFile.count()).toBe(0);
  });

  it("is S3 only when S3_BUCKET is set", () => {
    expect(s3SettingsFromEnv({ S3_ENDPOINT: "http://x" })).toBeUndefined();
  });
});
