import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { backward, type FxPair, forward } from "./rules";

const pair = (from: string, to: string, rate: string): FxPair => ({ from, to, rate, date: "2026-01-01" });

describe("FX pair conversions (recoupment arithmetic)", () => {
  it.each([
    { p: pair("CNY", "USD", "0.140845070422535211"), amount: 5_000_000n, fwd: 704_225n },
    { p: pair("KRW", "USD", "0.000714285714285714"), amount: 1_000_000n, fwd: 71_429n },
    { p: pair("USD", "JPY", "150.5"), amount: 100n, fwd: 150n },
    { p: pair("USD", "USD", "1"), amount: 12_345n, fwd: 12_345n },
  ])("forward $p.from→$p.to", ({ p, amount, fwd }) => {
    expect(forward(p, amount)).toBe(fwd);
  });

  it("backward divides by the same rate, respecting both exponents", () => {
    expect(backward(pair("KRW", "USD", "0.000714285714285714"), 71_429n)).toBe(1_000_006n);
    expect(backward(pair("CNY", "USD", "0.140845070422535211"), 1_020_000n)).toBe(7_242_000n);
    expect(backward(pair("JPY", "USD", "0.0066"), 100n)).toBe(152n);
  });

  it("a round trip differs from the start by less than one unit of the coarser currency", () => {
    fc.assert(
      fc.property(fc.bigInt({ min: 1n, max: 10n ** 12n }), fc.integer({ min: 1, max: 2_000_000 }), (amount, r) => {
        const rate = (r / 10_000).toString();
        const p = pair("USD", "CNY", rate);
        const there = forward(p, amount);
        const back = backward(p, there);
        // |back − amount| ≤ ½ / rate + ½ (two half-even roundings), with rate = r / 10,000; times
        // 2r to stay in integers: 2r × |back − amount| ≤ 10,000 + r.
        const diff = back > amount ? back - amount : amount - back;
        expect(2n * BigInt(r) * diff <= 10_000n + BigInt(r)).toBe(true);
      }),
      { numRuns: 2000 },
    );
  });
});
