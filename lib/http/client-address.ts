/**
 * The address of the client a request came from, for rate limits. With TRUST_PROXY_HOPS=n > 0 it
 * is the n-th address from the right of X-Forwarded-For (what the n-th trusted proxy saw), falling
 * back to the peer; otherwise the `x-rightsbridge-peer` header the app's own server entry sets from
 * the socket (after deleting any client-sent one); "unknown" when neither exists (plain
 * `next start`, tests). Never the client-set first X-Forwarded-For value.
 */
export function clientAddress(headers: Headers): string {
  const peer = headers.get("x-rightsbridge-peer")?.trim() || null;
  const hops = Number.parseInt(process.env.TRUST_PROXY_HOPS ?? "0", 10);
  if (Number.isInteger(hops) && hops > 0) {
    const chain = (headers.get("x-forwarded-for") ?? "")
      .split(",")
      .map((part) => part.trim())
      .filter(Boolean);
    const seen = chain[chain.length - hops];
    if (seen) return seen;
  }
  return peer ?? "unknown";
}
