import { afterEach, describe, expect, it } from "vitest";
import { clientAddress } from "./client-address";

const h = (init: Record<string, string>) => new Headers(init);

afterEach(() => {
  delete process.env.TRUST_PROXY_HOPS;
});

describe("clientAddress", () => {
  it("uses the peer header, never the client-set X-Forwarded-For, without trusted proxies", () => {
    expect(clientAddress(h({ "x-forwarded-for": "6.6.6.6", "x-rightsbridge-peer": "10.0.0.5" }))).toBe("10.0.0.5");
    expect(clientAddress(h({ "x-forwarded-for": "6.6.6.6" }))).toBe("unknown");
  });

  it("takes the n-th address from the right with TRUST_PROXY_HOPS=n", () => {
    process.env.TRUST_PROXY_HOPS = "1";
    expect(clientAddress(h({ "x-forwarded-for": "6.6.6.6, 203.0.113.9", "x-rightsbridge-peer": "10.0.0.1" }))).toBe("203.0.113.9");
    process.env.TRUST_PROXY_HOPS = "2";
    expect(clientAddress(h({ "x-forwarded-for": "6.6.6.6, 203.0.113.9, 10.0.0.2" }))).toBe("203.0.113.9");
    expect(clientAddress(h({ "x-rightsbridge-peer": "10.0.0.1" }))).toBe("10.0.0.1");
  });
});
