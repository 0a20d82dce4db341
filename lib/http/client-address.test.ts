import { describe, expect, it } from "vitest";
import { clientAddress } from "./client-address";

const headers = (h: Record<string, string>) => new Headers(h);

describe("clientAddress", () => {
  it("without TRUST_PROXY_HOPS: the peer header the server entry sets, never X-Forwarded-For", () => {
    expect(clientAddress(headers({ "x-rightsbridge-peer": "198.51.100.4", "x-forwarded-for": "1.2.3.4" }), {})).toBe("198.51.100.4");
    expect(clientAddress(headers({ "x-forwarded-for": "1.2.3.4" }), {})).toBe("unknown");
    expect(clientAddress(headers({}), {})).toBe("unknown");
    expect(clientAddress(undefined, {})).toBe("unknown");
  });

  it("with TRUST_PROXY_HOPS=n: the n-th address from the right of X-Forwarded-For", () => {
    const h = headers({ "x-forwarded-for": "6.6.6.6, 203.0.113.9, 10.0.0.2", "x-rightsbridge-peer": "10.0.0.3" });
    expect(clientAddress(h, { TRUST_PROXY_HOPS: "1" })).toBe("10.0.0.2");
    expect(clientAddress(h, { TRUST_PROXY_HOPS: "2" })).toBe("203.0.113.9");
    // A client-set prefix cannot pose as the address: only entries the proxies wrote count.
    const spoofed = headers({ "x-forwarded-for": "1.1.1.1, 203.0.113.9", "x-rightsbridge-peer": "10.0.0.3" });
    expect(clientAddress(spoofed, { TRUST_PROXY_HOPS: "1" })).toBe("203.0.113.9");
  });

  it("falls back to the peer when the chain is shorter than the hops, and reads plain header objects", () => {
    expect(clientAddress(headers({ "x-forwarded-for": "203.0.113.9", "x-rightsbridge-peer": "10.0.0.3" }), { TRUST_PROXY_HOPS: "2" })).toBe(
      "10.0.0.3",
    );
    expect(clientAddress({ "x-forwarded-for": "203.0.113.9" }, { TRUST_PROXY_HOPS: "2" })).toBe("unknown");
    expect(clientAddress({ "x-rightsbridge-peer": "198.51.100.4" }, { TRUST_PROXY_HOPS: "0" })).toBe("198.51.100.4");
    expect(clientAddress({ "x-forwarded-for": "a, b" }, { TRUST_PROXY_HOPS: "junk" })).toBe("unknown");
  });
});
