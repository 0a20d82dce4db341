import { timingSafeEqual } from "node:crypto";
import type { NextRequest } from "next/server";
import { scrape } from "@/lib/metrics/collectors";

export const dynamic = "force-dynamic";

function sameSecret(a: string, b: string): boolean {
  const x = Buffer.from(a);
  const y = Buffer.from(b);
  return x.length === y.length && timingSafeEqual(x, y);
}

/** Prometheus metrics of this process; `Authorization: Bearer $METRICS_TOKEN`, and 404 when it is unset. */
export async function GET(req: NextRequest): Promise<Response> {
  const token = process.env.METRICS_TOKEN;
  if (!token) return new Response("Not found", { status: 404, headers: { "content-type": "text/plain" } });
  const given = /^Bearer (.+)$/i.exec(req.headers.get("authorization") ?? "")?.[1] ?? "";
  if (!sameSecret(given, token)) {
    return new Response("Unauthorized", { status: 401, headers: { "content-type": "text/plain", "www-authenticate": "Bearer" } });
  }
  const { contentType, body } = await scrape();
  return new Response(body, { status: 200, headers: { "content-type": contentType, "cache-control": "no-store" } });
}
