/**
 * The address a request comes from, for rate limits (OPS-CONTRACT.md "Client address"):
 *
 * - `TRUST_PROXY_HOPS=n` (n > 0): the app runs behind n proxies that each append the address they
 *   saw to `X-Forwarded-For`; the n-th address from the right is the one the nearest trusted proxy
 *   saw (whatever a client wrote to the left of it is ignored). Too few entries: the peer below.
 * - otherwise the `x-rightsbridge-peer` header, which the production server entry
 *   (`scripts/serve.mjs`, `npm run serve`) sets from the TCP socket after deleting any copy a
 *   client sent;
 * - neither (plain `next start`, tests): "unknown". Never the client-set first X-Forwarded-For.
 */
export const PEER_HEADER = "x-rightsbridge-peer";

type HeaderSource = Headers | Record<string, unknown> | undefined | null;

function header(headers: HeaderSource, name: string): string | undefined {
  if (!headers) return undefined;
  if (headers instanceof Headers) return headers.get(name) ?? undefined;
  const value = headers[name] ?? headers[name.toLowerCase()];
  if (typeof value === "string") return value;
  if (Array.isArray(value)) return value.filter((v) => typeof v === "string").join(",");
  return undefined;
}

export function trustedProxyHops(env: Record<string, string | undefined> = process.env): number {
  const hops = Number(env.TRUST_PROXY_HOPS ?? 0);
  return Number.isInteger(hops) && hops > 0 ? hops : 0;
}

export function clientAddress(headers: HeaderSource, env: Record<string, string | undefined> = process.env): string {
  const peer = header(headers, PEER_HEADER)?.trim() || undefined;
  const hops = trustedProxyHops(env);
  if (hops > 0) {
    const chain = (header(headers, "x-forwarded-for") ?? "")
      .split(",")
      .map((part) => part.trim())
      .filter((part) => part !== "");
    const fromRight = chain[chain.length - hops];
    if (fromRight) return fromRight.slice(0, 100);
  }
  return peer?.slice(0, 100) ?? "unknown";
}
