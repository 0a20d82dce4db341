import { NextRequest } from "next/server";
import { describe, expect, it } from "vitest";
import { z } from "zod";
import { json, jsonDepth, route } from "./handler";

const schema = z.object({ version: z.int({ error: "A whole number." }).min(1).optional() }).strict();
const echo = (bodyOptional: boolean) => route({ auth: false, body: schema, bodyOptional }, async ({ body }) => json({ body }));
const context = { params: Promise.resolve({}) };

async function post(handler: ReturnType<typeof echo>, body?: string, contentType?: string) {
  const headers = contentType ? { "content-type": contentType } : undefined;
  const res = await handler(new NextRequest("http://localhost/api/v1/x", { method: "POST", body, headers }), context);
  return { status: res.status, body: await res.json() };
}

describe("route() with an optional body", () => {
  it("parses `{}` when no body (or only whitespace) is sent, whatever the content type", async () => {
    expect(await post(echo(true))).toEqual({ status: 200, body: { body: {} } });
    expect(await post(echo(true), "  \n", "text/plain")).toEqual({ status: 200, body: { body: {} } });
  });

  it("reads a JSON body with the schema", async () => {
    expect(await post(echo(true), '{"version": 3}', "application/json")).toEqual({ status: 200, body: { body: { version: 3 } } });
  });

  it("answers every refusal of a body that was sent with 422, naming the field where there is one", async () => {
    const notJson = await post(echo(true), '{"version": 3}', "text/plain");
    expect(notJson).toMatchObject({ status: 422, body: { type: "/problems/validation-failed", errors: [{ path: "" }] } });
    const malformed = await post(echo(true), "{", "application/json");
    expect(malformed).toMatchObject({ status: 422, body: { type: "/problems/malformed-json", errors: [{ path: "" }] } });
    const invalid = await post(echo(true), '{"version": "three"}', "application/json");
    expect(invalid).toMatchObject({
      status: 422,
      body: { type: "/problems/validation-failed", errors: [{ path: "version", message: "A whole number." }] },
    });
    const nul = await post(echo(true), '{"version": 1, "x\\u0000": 1}', "application/json");
    expect(nul).toMatchObject({ status: 422, body: { errors: [{ path: "x\u0000" }] } });
  });
});

describe("route() with an optional body refused as a whole", () => {
  const refusal = { detail: "Send no body or {version}.", errors: [{ path: "version", message: "The version, as a whole number." }] };
  const handler = route({ auth: false, body: schema, bodyOptional: { refusal } }, async ({ body }) => json({ body }));

  it("answers the one refusal whatever is wrong with a body that was sent, and reads a good one", async () => {
    for (const [body, type] of [
      ["null", "application/json"],
      ["[1]", "application/json"],
      ['{"version": 0}', "application/json"],
      ["{", "application/json"],
      ['{"version": 2}', "text/plain"],
    ]) {
      expect(await post(handler, body, type)).toMatchObject({ status: 422, body: { detail: refusal.detail, errors: refusal.errors } });
    }
    expect(await post(handler)).toEqual({ status: 200, body: { body: {} } });
    expect(await post(handler, '{"version": 2}', "application/json")).toEqual({ status: 200, body: { body: { version: 2 } } });
  });
});

describe("route() with a required body", () => {
  it("answers 415 for a body not declared as JSON, 400 for none or malformed JSON", async () => {
    expect((await post(echo(false), '{"version": 3}', "text/plain")).status).toBe(415);
    expect((await post(echo(false), "", "application/json")).status).toBe(400);
    expect((await post(echo(false), "{", "application/json")).status).toBe(400);
    expect(await post(echo(false), "{}", "application/json")).toEqual({ status: 200, body: { body: {} } });
  });
});

describe("route() body limits (issue 11, point 13)", () => {
  const open = route({ auth: false, body: z.unknown() }, async ({ body }) => json({ ok: body !== undefined }));
  const big = route({ auth: false, body: z.unknown(), maxBodyBytes: 4 * 1024 * 1024 }, async () => json({ ok: true }));
  const send = async (handler: typeof open, body: BodyInit, headers: Record<string, string> = {}) => {
    const init = { method: "POST", body, headers: { "content-type": "application/json", ...headers }, duplex: "half" };
    const req = new NextRequest("http://localhost/api/v1/x", init as ConstructorParameters<typeof NextRequest>[1]);
    const res = await handler(req, context);
    return { status: res.status, type: res.headers.get("content-type"), body: await res.json() };
  };

  it("answers 413 problem+json for a JSON body over 1 MB (or the route's own limit)", async () => {
    const twoMb = JSON.stringify({ text: "x".repeat(2 * 1024 * 1024) });
    const res = await send(open, twoMb);
    expect(res).toMatchObject({ status: 413, type: "application/problem+json", body: { type: "/problems/body-too-large" } });
    expect((await send(big, twoMb)).status).toBe(200);
    expect((await send(big, JSON.stringify({ text: "x".repeat(5 * 1024 * 1024) }))).status).toBe(413);
  });

  it("stops reading an endless body without a Content-Length at the limit", async () => {
    let pulled = 0;
    const endless = new ReadableStream<Uint8Array>({
      pull(controller) {
        pulled += 64 * 1024;
        controller.enqueue(new Uint8Array(64 * 1024).fill(0x20));
      },
    });
    expect((await send(open, endless)).status).toBe(413);
    expect(pulled).toBeLessThan(3 * 1024 * 1024);
  });

  it("refuses a declared Content-Length over the limit before reading anything", async () => {
    expect((await send(open, "{}", { "content-length": String(50 * 1024 * 1024) })).status).toBe(413);
  });

  it("answers 422 for nesting deeper than 64 (200,000 deep: the attack), accepts 64", async () => {
    const deep = (n: number) => `${"[".repeat(n)}${"]".repeat(n)}`;
    const attack = await send(open, deep(200_000));
    expect(attack).toMatchObject({ status: 422, body: { type: "/problems/too-deeply-nested" } });
    expect((await send(open, deep(65))).status).toBe(422);
    expect((await send(open, deep(64))).status).toBe(200);
    // Brackets inside strings do not count.
    expect((await send(open, JSON.stringify({ text: "[".repeat(1000) }))).status).toBe(200);
  });

  it("finds NUL characters in a wide body without recursion", async () => {
    const wide = Array.from({ length: 50_000 }, (_, i) => ({ n: i === 49_999 ? "a\u0000b" : "ok" }));
    const res = await send(open, JSON.stringify({ items: wide }));
    expect(res).toMatchObject({ status: 422, body: { errors: [{ path: "items.49999.n" }] } });
  });
});

describe("jsonDepth", () => {
  it("counts arrays and objects, skipping strings and escapes", () => {
    expect(jsonDepth('{"a":[1,{"b":"]]]\\"[["}]}')).toBe(3);
    expect(jsonDepth("1")).toBe(0);
  });
});

describe("route() when the database is busy", () => {
  it("answers 503 problem+json with Retry-After when a transaction cannot start in time, never 500", async () => {
    const busy = route({ auth: false }, async () => {
      throw Object.assign(new Error("Transaction API error: Unable to start a transaction in the given time."), { code: "P2028" });
    });
    const res = await busy(new NextRequest("http://localhost/api/v1/x"), context);
    expect(res.status).toBe(503);
    expect(res.headers.get("content-type")).toContain("application/problem+json");
    expect(res.headers.get("retry-after")).toBe("2");
    expect(await res.json()).toMatchObject({ status: 503, type: "/problems/database-busy" });
  });
});
