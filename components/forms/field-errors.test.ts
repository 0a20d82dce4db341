import { describe, expect, it } from "vitest";
import {
  codedErrorText,
  errorAt,
  fieldErrorText,
  fieldsMatching,
  fieldsNamed,
  localizedFieldErrors,
  placeServerErrors,
  planRefusal,
  refreshesOn,
  refusalMessages,
  serverErrorText,
} from "./field-errors";

describe("fieldErrorText", () => {
  it("shows nothing without an error", () => {
    expect(fieldErrorText("name", undefined)).toBeUndefined();
  });

  it("shows a server error as sent, and a client error as the field's rule (zod's English never)", () => {
    expect(fieldErrorText("name", { type: "server", message: "The deal does not cover Thailand." })).toEqual({
      text: "The deal does not cover Thailand.",
    });
    expect(fieldErrorText("apiKeyName", { type: "too_small", message: "Too small: expected string to have >=1 characters" })).toEqual({
      key: "apiKeyName",
    });
  });

  it("names a server error without words (placed as the field's rule) by the rule", () => {
    expect(fieldErrorText("email", { type: "server" })).toEqual({ key: "email" });
    expect(fieldErrorText("email", { type: "validate" })).toEqual({ key: "email" });
  });

  it("maps a path to its rule, and lets a refinement speak first", () => {
    const rules = {
      ruleOf: (path: string) => (path.endsWith("end") ? "date" : undefined),
      refine: (path: string, error: { type?: string }) => (error.type === "custom" && path.endsWith("end") ? "window" : undefined),
    };
    expect(fieldErrorText("terms.end", { type: "invalid_format" }, rules)).toEqual({ key: "date" });
    expect(fieldErrorText("terms.end", { type: "custom" }, rules)).toEqual({ key: "window" });
  });

  it("gives the refinement the field's value", () => {
    const rules = { refine: (_p: string, _e: unknown, value: unknown) => (value === "bad" ? "badValue" : undefined) };
    expect(fieldErrorText("eidr", { type: "custom" }, rules, "bad")).toEqual({ key: "badValue" });
    expect(fieldErrorText("eidr", { type: "custom" }, rules, "good")).toEqual({ key: "eidr" });
  });

  it("falls back to the error's message, then to the fallback key, for a path with no rule", () => {
    const rules = { ruleOf: () => undefined, fallback: "generic" };
    expect(fieldErrorText("kind", { type: "custom", message: "Pick one." }, rules)).toEqual({ text: "Pick one." });
    expect(fieldErrorText("kind", { type: "custom" }, rules)).toEqual({ key: "generic" });
    expect(fieldErrorText("kind", { type: "custom" }, { ruleOf: () => undefined })).toBeUndefined();
  });
});

describe("serverErrorText", () => {
  it("keeps the server's wording unless the form translates server errors", () => {
    expect(serverErrorText("date", "Date is in the future.", {})).toEqual({ text: "Date is in the future." });
    const rules = { serverRule: (path: string, message: string) => (path === "date" && /future/.test(message) ? "dateFuture" : undefined) };
    expect(serverErrorText("date", "Date is in the future.", rules)).toEqual({ key: "dateFuture" });
    expect(serverErrorText("date", "Something else.", rules)).toEqual({ text: "Something else." });
  });
});

describe("errorAt", () => {
  const errors = {
    name: { type: "too_small", message: "x" },
    terms: { instalments: [{ amount: { amount: { type: "custom", message: "y" } } }] },
    items: { root: { type: "too_small", message: "z" } },
    plain: { nested: "not an error" },
  };

  it("reads nested and array errors by their dotted path", () => {
    expect(errorAt(errors, "name")).toEqual({ type: "too_small", message: "x" });
    expect(errorAt(errors, "terms.instalments.0.amount.amount")).toEqual({ type: "custom", message: "y" });
  });

  it("reads an array's own error (root) for the array", () => {
    expect(errorAt(errors, "items")).toEqual({ type: "too_small", message: "z" });
    expect(errorAt(errors, "items.root")).toEqual({ type: "too_small", message: "z" });
  });

  it("answers undefined for a missing path or something that is not an error", () => {
    expect(errorAt(errors, "terms.instalments.1.amount")).toBeUndefined();
    expect(errorAt(errors, "name.message.deeper")).toBeUndefined();
    expect(errorAt(errors, "plain")).toBeUndefined();
    expect(errorAt(undefined, "name")).toBeUndefined();
  });
});

describe("placements", () => {
  it("fieldsNamed places a path under one of the named fields, after mapping it", () => {
    const at = fieldsNamed(["capacity", "reason"], (path) => path.replace(/\.(amount|currency)$/, ""));
    expect(at("capacity.amount")).toBe("capacity");
    expect(at("reason")).toBe("reason");
    expect(at("awards.2.year")).toBeNull();
    expect(fieldsNamed(["awards"])("awards.2.year")).toBe("awards.2.year");
  });

  it("fieldsMatching places paths that match a pattern", () => {
    const at = fieldsMatching([/^(name|currency)$/, /^terms\./]);
    expect(at("terms.instalments.0.dueDate")).toBe("terms.instalments.0.dueDate");
    expect(at("currency")).toBe("currency");
    expect(at("version")).toBeNull();
  });
});

describe("placeServerErrors", () => {
  it("splits the errors a field shows from the messages of the others, in the server's order", () => {
    const { placed, rest } = placeServerErrors(
      { reason: ["Too long.", "Not allowed."], version: ["Stale."], other: ["Odd."] },
      fieldsNamed(["reason"]),
    );
    expect(placed).toEqual([{ field: "reason", path: "reason", messages: ["Too long.", "Not allowed."] }]);
    expect(rest).toEqual(["Stale.", "Odd."]);
  });

  it("handles a refusal without field errors", () => {
    expect(placeServerErrors(undefined, () => "x")).toEqual({ placed: [], rest: [] });
  });
});

describe("refusalMessages", () => {
  it("shows the refusal, then what no field shows", () => {
    expect(refusalMessages("Some fields need attention.", ["Stale."], true)).toEqual(["Some fields need attention.", "Stale."]);
  });

  it("shows the refusal when there were no field errors at all", () => {
    expect(refusalMessages("The deal is settled.", [], false)).toEqual(["The deal is settled."]);
  });

  it("shows nothing when every field error found its field", () => {
    expect(refusalMessages("Some fields need attention.", [], true)).toBeNull();
  });
});

describe("planRefusal", () => {
  const refusal = { fieldErrors: { "amount.amount": ["Above the limit."], "amount.currency": ["Use USD."], note: ["Odd."] } };
  const at = fieldsNamed(["amount"], (path) => path.replace(/\.(amount|currency)$/, ""));

  it("puts the server's words on the fields, the first one focused by the caller, and the rest in the alert", () => {
    expect(planRefusal(refusal, { at, lead: "Refused." })).toEqual({
      fieldErrors: [
        { field: "amount", error: { type: "server", message: "Above the limit." } },
        { field: "amount", error: { type: "server", message: "Use USD." } },
      ],
      messages: ["Refused.", "Odd."],
    });
  });

  it("lets a field show its own rule instead of the server's English (type validate)", () => {
    const plan = planRefusal(
      { fieldErrors: { email: ["Invalid email address"] } },
      { at: fieldsNamed(["email"]), lead: "x", text: () => undefined },
    );
    expect(plan).toEqual({ fieldErrors: [{ field: "email", error: { type: "validate" } }], messages: null });
  });

  it("passes the path, the messages and the field to the words", () => {
    const seen: unknown[] = [];
    planRefusal(refusal, {
      at,
      lead: "x",
      text: (path, messages, field) => {
        seen.push([path, messages, field]);
        return "t";
      },
    });
    expect(seen).toEqual([
      ["amount.amount", ["Above the limit."], "amount"],
      ["amount.currency", ["Use USD."], "amount"],
    ]);
  });

  it("uses the form's own alert when given", () => {
    expect(planRefusal(refusal, { at, lead: "x", messages: (rest) => ["Submit refused.", ...rest] }).messages).toEqual([
      "Submit refused.",
      "Odd.",
    ]);
    expect(planRefusal({}, { at, lead: "x", messages: () => null }).messages).toBeNull();
  });
});

describe("refreshesOn", () => {
  it("reloads after the named refusals, or after every refusal", () => {
    expect(refreshesOn("STALE_UPDATE", ["STALE_UPDATE"])).toBe(true);
    expect(refreshesOn("DEAL_SETTLED", ["STALE_UPDATE"])).toBe(false);
    expect(refreshesOn("ANYTHING", true)).toBe(true);
    expect(refreshesOn("ANYTHING", undefined)).toBe(false);
  });
});

describe("codedErrorText: server problems in the viewer's language", () => {
  const say = (code: string, params: Record<string, string | number>): string => `${code}(${Object.values(params).join(",")})`;

  it("says a coded problem from its code and params, whatever the English message", () => {
    const e = { code: "TERRITORY_NOT_GRANTED", params: { territory: "SG" }, message: "The deal grants no rights in SG for this title." };
    expect(codedErrorText(e, say, "zh")).toBe("TERRITORY_NOT_GRANTED(SG)");
    expect(codedErrorText(e, say, "en")).toBe("TERRITORY_NOT_GRANTED(SG)");
  });

  it("keeps the English message of an uncoded problem for English readers only", () => {
    expect(codedErrorText({ code: "INVALID_VALUE", params: {}, message: "Exact words." }, say, "en")).toBe("Exact words.");
    expect(codedErrorText({ code: "INVALID_VALUE", params: {}, message: "Exact words." }, say, "zh")).toBe("INVALID_VALUE()");
    expect(codedErrorText({ code: "NO_SUCH_CODE", message: "Words." }, say, "zh")).toBe("INVALID_VALUE()");
  });

  it("drops params that are not text or numbers, and groups field errors by path", () => {
    expect(codedErrorText({ code: "TOO_BIG", params: { maximum: 5, extra: { x: 1 } } }, say, "zh")).toBe("TOO_BIG(5)");
    expect(
      localizedFieldErrors(
        [
          { path: "lines.0.territory", code: "TERRITORY_NOT_GRANTED", params: { territory: "SG" } },
          { path: "lines.0.territory", code: "REQUIRED" },
        ],
        say,
        "zh",
      ),
    ).toEqual({ "lines.0.territory": ["TERRITORY_NOT_GRANTED(SG)", "REQUIRED()"] });
  });
});
