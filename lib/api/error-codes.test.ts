import { describe, expect, it } from "vitest";
import { z } from "zod";
import { messages } from "@/messages";
import { ERROR_CODES, errorCodes, isErrorCode } from "./error-codes";
import { failureToProblem, problem, validationProblem } from "./problem";

/** The ICU arguments a message names ({name}, {count, plural, …}). */
const args = (message: string) => [...new Set([...message.matchAll(/\{\s*(\w+)\s*[,}]/g)].map((m) => m[1]))].sort();

describe("error codes", () => {
  it.each(errorCodes)("%s has an English and a Chinese message naming exactly its params", (code) => {
    const en: Record<string, string> = messages.en.errors;
    const zh: Record<string, string> = messages.zh.errors;
    expect(en[code]?.trim(), `en ${code}`).toBeTruthy();
    expect(zh[code]?.trim(), `zh ${code}`).toBeTruthy();
    expect(zh[code], `zh ${code} is translated`).not.toBe(en[code]);
    const params = [...ERROR_CODES[code]].sort();
    expect(args(en[code] ?? ""), `en ${code}`).toEqual(params);
    expect(args(zh[code] ?? ""), `zh ${code}`).toEqual(params);
  });

  it("has no message for a code the registry does not hold", () => {
    expect(Object.keys(messages.en.errors).filter((key) => !isErrorCode(key))).toEqual([]);
    expect(Object.keys(messages.zh.errors).filter((key) => !isErrorCode(key))).toEqual([]);
  });
});

describe("problem bodies carry code and params", () => {
  it("names the reason as the code, on the body and on every item, and keeps detail English", () => {
    const body = failureToProblem(
      {
        ok: false,
        kind: "invalid",
        reason: "VALIDATION_FAILED",
        message: "Some lines need attention.",
        errors: [
          {
            path: "lines.0.territory",
            message: "The deal grants no rights in SG for this title.",
            code: "TERRITORY_NOT_GRANTED",
            params: { territory: "SG" },
          },
          { path: "lines.1.gross", message: "Something else." },
        ],
      },
      "req-1",
    );
    expect(body).toMatchObject({ status: 422, code: "VALIDATION_FAILED", params: {}, detail: "Some lines need attention." });
    expect(body.errors).toEqual([
      {
        path: "lines.0.territory",
        message: "The deal grants no rights in SG for this title.",
        code: "TERRITORY_NOT_GRANTED",
        params: { territory: "SG" },
      },
      { path: "lines.1.gross", message: "Something else.", code: "INVALID_VALUE", params: {} },
    ]);
  });

  it("carries a refusal's params", () => {
    expect(problem(409, "STALE_UPDATE", "Stale.", { params: { currentVersion: 3 } })).toMatchObject({
      type: "/problems/stale-update",
      code: "STALE_UPDATE",
      params: { currentVersion: 3 },
    });
  });

  it("gives zod issues codes by their kind", () => {
    const schema = z.strictObject({
      name: z.string().min(1),
      missing: z.string(),
      year: z.int({ error: "Enter the year as a whole number." }),
      count: z.number().max(5),
      kind: z.enum(["A", "B"]),
      email: z.email(),
      amount: z
        .string()
        .superRefine((_, ctx) =>
          ctx.addIssue({ code: "custom", message: "x", params: { code: "AMOUNT_DECIMALS", currency: "JPY", digits: 0 } }),
        ),
    });
    const parsed = schema.safeParse({ name: "", year: "twenty", count: 9, kind: "C", email: "no", amount: "1.5", extra: 1 });
    expect(parsed.success).toBe(false);
    const items = parsed.success ? [] : (validationProblem(parsed.error, "r", "body").errors ?? []);
    const byPath = Object.fromEntries(items.map((e) => [e.path, { code: e.code, params: e.params }]));
    expect(byPath).toEqual({
      name: { code: "REQUIRED", params: {} },
      missing: { code: "REQUIRED", params: {} },
      year: { code: "INVALID_TYPE", params: { expected: "number" } },
      count: { code: "TOO_BIG", params: { maximum: "5" } },
      kind: { code: "INVALID_OPTION", params: { options: "A, B" } },
      email: { code: "INVALID_FORMAT", params: { format: "email" } },
      amount: { code: "AMOUNT_DECIMALS", params: { currency: "JPY", digits: 0 } },
      "": { code: "UNKNOWN_FIELDS", params: { keys: "extra" } },
    });
  });
});
