import { NextRequest } from "next/server";
import { describe, expect, it } from "vitest";
import { z } from "zod";
import { json, route } from "./handler";

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
