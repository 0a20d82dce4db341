import { afterEach, describe, expect, it, vi } from "vitest";
import { callAction } from "./call-action";

afterEach(() => vi.restoreAllMocks());

describe("callAction", () => {
  it("answers the action's own answer, success or refusal", async () => {
    await expect(callAction(async () => ({ ok: true, data: { id: "a" } }))).resolves.toEqual({ ok: true, data: { id: "a" } });
    const refusal = { ok: false, reason: "STALE_UPDATE", message: "Changed meanwhile." };
    await expect(callAction(async () => refusal)).resolves.toBe(refusal);
  });

  it("turns a throw into NO_ANSWER and logs the error instead of swallowing it", async () => {
    const log = vi.spyOn(console, "error").mockImplementation(() => undefined);
    const failure = new TypeError("Failed to fetch");
    const result = await callAction(async () => {
      throw failure;
    });
    expect(result).toEqual({ ok: false, reason: "NO_ANSWER", message: "The server did not answer." });
    expect(log).toHaveBeenCalledWith(expect.any(String), failure);
  });
});
