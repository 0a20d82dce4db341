import { describe, expect, it } from "vitest";
import { isDatabaseBusy, isDatabaseUnavailable } from "./unavailable";

describe("isDatabaseUnavailable", () => {
  it("recognises refused, reset and timed-out connections, also wrapped in causes", () => {
    expect(isDatabaseUnavailable(Object.assign(new Error("connect ECONNREFUSED 127.0.0.1:1"), { code: "ECONNREFUSED" }))).toBe(true);
    expect(isDatabaseUnavailable(new Error("timeout exceeded when trying to connect"))).toBe(true);
    expect(isDatabaseUnavailable(new Error("Connection terminated unexpectedly"))).toBe(true);
    expect(isDatabaseUnavailable({ code: "57P01", message: "terminating connection due to administrator command" })).toBe(true);
    expect(isDatabaseUnavailable(new Error("query failed", { cause: new Error("x", { cause: { code: "ECONNRESET" } }) }))).toBe(true);
    expect(isDatabaseUnavailable(new AggregateError([{ code: "ECONNREFUSED" }], "all failed"))).toBe(true);
  });

  it("leaves bugs and refused queries alone", () => {
    expect(isDatabaseUnavailable(new TypeError("x is undefined"))).toBe(false);
    expect(isDatabaseUnavailable({ code: "23505", message: "duplicate key value violates unique constraint" })).toBe(false);
    expect(isDatabaseUnavailable({ code: "P2002" })).toBe(false);
    expect(isDatabaseUnavailable(null)).toBe(false);
    expect(isDatabaseUnavailable("ECONNREFUSED")).toBe(false);
  });
});

describe("isDatabaseBusy", () => {
  it("recognises a transaction that could not start in time or ran past its timeout (P2028)", () => {
    const start = {
      code: "P2028",
      message: "Transaction API error: Unable to start a transaction in the given time.",
    };
    expect(isDatabaseBusy(start)).toBe(true);
    expect(isDatabaseBusy(new Error("wrapped", { cause: start }))).toBe(true);
    expect(
      isDatabaseBusy({
        code: "P2028",
        message: "Transaction API error: Transaction already closed: A query cannot be executed on an expired transaction.",
      }),
    ).toBe(true);
  });

  it("leaves other transaction errors and other codes alone", () => {
    expect(isDatabaseBusy({ code: "P2028", message: "Transaction API error: Transaction not found." })).toBe(false);
    expect(isDatabaseBusy({ code: "P2002", message: "Unable to start a transaction in the given time" })).toBe(false);
    expect(isDatabaseBusy(new Error("Unable to start a transaction in the given time"))).toBe(false);
    expect(isDatabaseBusy(null)).toBe(false);
  });
});
