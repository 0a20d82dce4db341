import "server-only";
import { headers } from "next/headers";

/** The origin the browser reached us on (behind a proxy too), for copy-paste examples. */
export async function requestOrigin(): Promise<string> {
  const h = await headers();
  const host = h.get("x-forwarded-host") ?? h.get("host");
  if (!host) return process.env.NEXTAUTH_URL?.replace(/\/$/, "") ?? "http://localhost:3000";
  const proto = h.get("x-forwarded-proto") ?? (/^(localhost|127\.0\.0\.1|\[::1\])(:\d+)?$/.test(host) ? "http" : "https");
  return `${proto.split(",")[0]?.trim()}://${host}`;
}
