import { createTranslator } from "next-intl";
import { describe, expect, it } from "vitest";
import { messages } from "@/messages";
import { DEFAULT_PREFERENCES, deliveryFor, PREFERENCE_GROUPS, resolvePreferences, titleNames } from "./rules";
import { EVENT_KINDS, OBLIGATION_KINDS, PREFERENCE_KINDS, putNotificationPreferencesSchema } from "./schema";
import { describeNotification, type KindTranslate, titlesText } from "./text";

describe("resolvePreferences", () => {
  it("lists every kind in order with its default when nothing is stored", () => {
    const all = resolvePreferences([]);
    expect(all.map((p) => p.kind)).toEqual([...EVENT_KINDS, ...OBLIGATION_KINDS]);
    expect(all.find((p) => p.kind === "DEAL_PROPOSED")).toEqual({ kind: "DEAL_PROPOSED", email: "IMMEDIATE", inApp: true });
    expect(all.find((p) => p.kind === "RECEIPT_RECORDED")).toEqual({ kind: "RECEIPT_RECORDED", email: "DAILY_DIGEST", inApp: true });
    // Reminders exist to arrive before the date: every obligation kind is e-mailed at once by default.
    for (const kind of OBLIGATION_KINDS) expect(DEFAULT_PREFERENCES[kind].email, kind).toBe("IMMEDIATE");
  });

  it("takes the stored choice over the default, kind by kind, and ignores kinds that no longer exist", () => {
    const all = resolvePreferences([
      { kind: "DEAL_PROPOSED", email: "OFF", inApp: false },
      { kind: "MG_INSTALMENT", email: "DAILY_DIGEST", inApp: true },
      { kind: "GONE_KIND", email: "OFF", inApp: false },
    ]);
    expect(all).toHaveLength(PREFERENCE_KINDS.length);
    expect(all.find((p) => p.kind === "DEAL_PROPOSED")).toEqual({ kind: "DEAL_PROPOSED", email: "OFF", inApp: false });
    expect(all.find((p) => p.kind === "MG_INSTALMENT")).toEqual({ kind: "MG_INSTALMENT", email: "DAILY_DIGEST", inApp: true });
    expect(all.find((p) => p.kind === "DEAL_SIGNED")).toEqual({ kind: "DEAL_SIGNED", email: "IMMEDIATE", inApp: true });
    expect(all.some((p) => (p.kind as string) === "GONE_KIND")).toBe(false);
  });
});

describe("deliveryFor", () => {
  const verified = { emailVerified: true };
  it.each([
    ["the default", "DEAL_PROPOSED", undefined, verified, { inApp: true, email: "IMMEDIATE" }],
    ["a digest choice", "DEAL_PROPOSED", { email: "DAILY_DIGEST", inApp: true }, verified, { inApp: true, email: "DAILY_DIGEST" }],
    ["e-mail off, in-app off", "STATEMENT", { email: "OFF", inApp: false }, verified, { inApp: false, email: "OFF" }],
    ["in-app off, e-mail on", "STATEMENT", { email: "IMMEDIATE", inApp: false }, verified, { inApp: false, email: "IMMEDIATE" }],
    [
      "an unverified address",
      "DEAL_PROPOSED",
      { email: "IMMEDIATE", inApp: true },
      { emailVerified: false },
      { inApp: true, email: "OFF" },
    ],
    [
      "an edit request (no preference)",
      "editRequest.submitted",
      { email: "IMMEDIATE", inApp: false },
      verified,
      { inApp: true, email: "OFF" },
    ],
  ] as const)("%s", (_, kind, stored, person, expected) => {
    expect(deliveryFor(kind, stored, person)).toEqual(expected);
  });
});

describe("preference groups", () => {
  it("put every kind on the settings page exactly once", () => {
    expect(PREFERENCE_GROUPS.flatMap((g) => g.kinds).sort()).toEqual([...PREFERENCE_KINDS].sort());
  });
});

describe("putNotificationPreferencesSchema", () => {
  it("accepts known kinds and refuses unknown kinds, values, extra fields and duplicates", () => {
    expect(putNotificationPreferencesSchema.safeParse({ items: [{ kind: "DEAL_SIGNED", email: "OFF", inApp: true }] }).success).toBe(true);
    for (const bad of [
      { items: [{ kind: "DEAL_EXPLODED", email: "OFF", inApp: true }] },
      { items: [{ kind: "DEAL_SIGNED", email: "WEEKLY", inApp: true }] },
      { items: [{ kind: "DEAL_SIGNED", email: "OFF", inApp: "yes" }] },
      { items: [{ kind: "DEAL_SIGNED", email: "OFF", inApp: true, extra: 1 }] },
      { items: [] },
      {
        items: [
          { kind: "DEAL_SIGNED", email: "OFF", inApp: true },
          { kind: "DEAL_SIGNED", email: "IMMEDIATE", inApp: true },
        ],
      },
    ]) {
      expect(putNotificationPreferencesSchema.safeParse(bad).success, JSON.stringify(bad)).toBe(false);
    }
  });
});

const translate = (locale: "en" | "zh"): KindTranslate => {
  const t = createTranslator({ locale, messages: messages[locale], namespace: "notifications.kinds" });
  return (key, values) => t(key as Parameters<typeof t>[0], values);
};

describe("notification sentences", () => {
  const titles = titleNames([{ originalTitle: "天衍仙途", titleEn: "The Celestial Path", titleZh: null }]);

  it("name titles in the reader's language", () => {
    expect(titles).toEqual({ titlesEn: ["The Celestial Path"], titlesZh: ["天衍仙途"] });
    expect(titlesText(titles, "zh")).toBe("《天衍仙途》");
    expect(titlesText(titles, "en")).toBe("“The Celestial Path”");
    const many = titleNames(["A", "B", "C", "D"].map((n) => ({ originalTitle: n, titleEn: null, titleZh: `${n}剧` })));
    expect(titlesText(many, "zh")).toBe("《A剧》、《B剧》、《C剧》 等 4 部");
    expect(titlesText(many, "en")).toBe("“A”, “B”, “C” +1");
  });

  it("read each event in both languages with the stored values", () => {
    const params = { organization: "Siam Screens", deal: "SEA 2027", ...titles, amount: "1250.50", currency: "USD" };
    expect(describeNotification(translate("en"), "en", "DEAL_PROPOSED", params)).toBe(
      "Siam Screens proposed the deal “SEA 2027” (“The Celestial Path”) to you; it awaits your signature.",
    );
    expect(describeNotification(translate("zh"), "zh", "DEAL_PROPOSED", params)).toBe(
      "Siam Screens 向您提议了交易“SEA 2027”（《天衍仙途》），等待您签署。",
    );
    expect(describeNotification(translate("en"), "en", "RECEIPT_RECORDED", { ...params, receiptKind: "OVERAGE" })).toMatch(
      /^Siam Screens recorded a receipt of USD\s1,250\.50 \(overage\) on “SEA 2027” \(“The Celestial Path”\)\.$/,
    );
    expect(describeNotification(translate("en"), "en", "ADVANCE_DECIDED", { ...params, decision: "DECLINED", reason: "Too early." })).toBe(
      "Siam Screens declined your advance application against “SEA 2027” (“The Celestial Path”): Too early.",
    );
    expect(describeNotification(translate("en"), "en", "DEAL_SIGNED", { ...params, fullySigned: false })).toContain(
      "your signature is awaited",
    );
  });

  it("read every event and reminder kind without a missing message, in both languages", () => {
    for (const locale of ["en", "zh"] as const) {
      const t = translate(locale);
      for (const kind of PREFERENCE_KINDS) {
        const text = describeNotification(t, locale, kind, { organization: "Org", deal: "Deal", dueDate: "2027-01-31" });
        expect(text, `${locale} ${kind}`).not.toMatch(/notifications\.kinds|Notification: |通知：/);
      }
    }
    const overdue = { deal: "SEA", amount: "400.00", currency: "USD", dueDate: "2027-01-31", overdue: true };
    expect(describeNotification(translate("zh"), "zh", "MG_INSTALMENT", overdue)).toMatch(
      /^已逾期：交易“SEA”的保底金分期付款（USD\s?400\.00）已于 2027年1月31日 到期。$/,
    );
  });
});
