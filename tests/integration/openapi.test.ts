import { readdir } from "node:fs/promises";
import path from "node:path";
import { beforeAll, describe, expect, it } from "vitest";
import { GET as openapi } from "@/app/api/v1/openapi.json/route";

type Operation = {
  requestBody?: { content: Record<string, { schema: Schema }> };
  responses: Record<string, { content?: Record<string, { schema: Schema }> }>;
  security?: unknown[];
};
type Schema = { $ref?: string; type?: string; required?: string[]; properties?: Record<string, Schema>; enum?: string[] };
type Document = {
  openapi: string;
  paths: Record<string, Record<string, Operation>>;
  components?: { schemas?: Record<string, Schema>; securitySchemes?: Record<string, unknown> };
};

const HTTP_METHODS = ["GET", "POST", "PUT", "PATCH", "DELETE"] as const;
const API_DIR = path.join(process.cwd(), "app", "api", "v1");

/** What the issue promises, as "METHOD path". */
const PROMISED = [
  "POST /api/v1/auth/register",
  "POST /api/v1/auth/logout-everywhere",
  "POST /api/v1/auth/verify-email",
  "POST /api/v1/auth/resend-verification",
  "POST /api/v1/auth/password-reset",
  "POST /api/v1/auth/password-reset/confirm",
  "GET /api/v1/platform/outbox",
  "GET /api/v1/me",
  "GET /api/v1/api-keys",
  "POST /api/v1/api-keys",
  "DELETE /api/v1/api-keys/{id}",
  "GET /api/v1/members",
  "PATCH /api/v1/members/{id}",
  "DELETE /api/v1/members/{id}",
  "GET /api/v1/invitations",
  "POST /api/v1/invitations",
  "DELETE /api/v1/invitations/{id}",
  "POST /api/v1/invitations/accept",
  "GET /api/v1/audit",
  "GET /api/v1/organizations",
  "POST /api/v1/organizations",
];

async function routeFiles(dir: string): Promise<string[]> {
  const entries = await readdir(dir, { withFileTypes: true, recursive: true });
  return entries.filter((e) => e.isFile() && e.name === "route.ts").map((e) => path.join(e.parentPath, e.name));
}

/** Every handler the app really serves under /api/v1, read from the route files' exports. */
async function servedOperations(): Promise<string[]> {
  const operations: string[] = [];
  for (const file of await routeFiles(API_DIR)) {
    const urlPath = `/api/v1/${path.relative(API_DIR, path.dirname(file)).split(path.sep).join("/")}`.replace(/\[(\w+)\]/g, "{$1}");
    if (urlPath === "/api/v1/openapi.json") continue; // the document does not describe itself
    const mod: Record<string, unknown> = await import(/* @vite-ignore */ file);
    for (const method of HTTP_METHODS) if (typeof mod[method] === "function") operations.push(`${method} ${urlPath}`);
  }
  return operations.sort();
}

let doc: Document;
let res: Response;

beforeAll(async () => {
  res = await openapi();
  doc = JSON.parse(await res.clone().text()) as Document;
});

function resolve(schema: Schema | undefined): Schema | undefined {
  if (!schema?.$ref) return schema;
  const name = schema.$ref.replace("#/components/schemas/", "");
  return doc.components?.schemas?.[name];
}

const documented = () =>
  Object.entries(doc.paths)
    .flatMap(([p, ops]) => Object.keys(ops).map((m) => `${m.toUpperCase()} ${p}`))
    .sort();

describe("GET /api/v1/openapi.json", () => {
  it("is an OpenAPI 3.1.0 JSON document", async () => {
    expect(res.status).toBe(200);
    expect(res.headers.get("content-type")).toMatch(/^application\/json/);
    expect(doc.openapi).toBe("3.1.0");
    expect(Object.keys(doc.components?.securitySchemes ?? {}).sort()).toEqual(["apiKey", "session"]);
  });

  it("documents every promised endpoint with its method", () => {
    expect(documented()).toEqual(expect.arrayContaining(PROMISED));
  });

  it("documents exactly the handlers the app serves, no more and no fewer", async () => {
    expect(documented()).toEqual(await servedOperations());
  });

  it("describes the register body as the server validates it", () => {
    const op = doc.paths["/api/v1/auth/register"]?.post;
    expect(op?.security).toEqual([]); // public
    const body = resolve(op?.requestBody?.content["application/json"]?.schema);
    expect(body?.required?.sort()).toEqual(["email", "name", "organization", "password"]);
    const organization = resolve(body?.properties?.organization);
    expect(organization?.required?.sort()).toEqual(["homeCountry", "kind", "name"]);
    expect(resolve(organization?.properties?.kind)?.enum?.sort()).toEqual(["PARTNER", "STUDIO"]);
    expect(body?.properties?.password).toMatchObject({ type: "string", minLength: 12 });
    expect(Object.keys(op?.responses ?? {}).sort()).toEqual(["201", "400", "409", "415", "422"]);
  });

  it("documents problem+json errors and 401 on every authenticated operation", () => {
    for (const [p, ops] of Object.entries(doc.paths)) {
      for (const [method, op] of Object.entries(ops)) {
        for (const [status, response] of Object.entries(op.responses)) {
          if (Number(status) >= 400)
            expect({ op: `${method} ${p}`, status, types: Object.keys(response.content ?? {}) }).toEqual({
              op: `${method} ${p}`,
              status,
              types: ["application/problem+json"],
            });
        }
        // Public operations (security: []) — sign-up and reference data — need no 401.
        const isPublic = Array.isArray(op.security) && op.security.length === 0;
        if (!isPublic) expect({ op: `${method} ${p}`, has401: "401" in op.responses }).toEqual({ op: `${method} ${p}`, has401: true });
      }
    }
  });

  it("documents API keys' creation answer with the one-time key", () => {
    const created = resolve(doc.paths["/api/v1/api-keys"]?.post?.responses["201"]?.content?.["application/json"]?.schema);
    expect(created?.required).toEqual(expect.arrayContaining(["id", "name", "key"]));
  });
});
