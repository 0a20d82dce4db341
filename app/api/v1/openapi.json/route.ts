import { buildOpenApiDocument } from "@/lib/openapi";

// Built once per server process: the document only changes with the code.
let cached: string | undefined;

export function GET() {
  cached ??= JSON.stringify(buildOpenApiDocument());
  return new Response(cached, { headers: { "content-type": "application/json" } });
}
