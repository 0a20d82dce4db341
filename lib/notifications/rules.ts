/**
 * Notification preferences, pure: the default of every kind, a person's stored choices resolved
 * over them, and what one notification becomes for one person (in-app, e-mail now, in the digest,
 * or nothing).
 */
import {
  type EmailDelivery,
  EVENT_KINDS,
  type NotificationPreference,
  OBLIGATION_KINDS,
  PREFERENCE_KINDS,
  type PreferenceKind,
} from "./schema";

type Setting = Omit<NotificationPreference, "kind">;

/**
 * What a person gets before choosing. Everything shows in-app. E-mail at once for what asks
 * someone to act (a deal to sign, a statement to review, an application to decide, money paid or
 * lost) and for every reminder (their point is to arrive before the date); the daily digest for
 * what is only good to know.
 */
export const DEFAULT_PREFERENCES: Record<PreferenceKind, Setting> = {
  DEAL_PROPOSED: { email: "IMMEDIATE", inApp: true },
  DEAL_SIGNED: { email: "IMMEDIATE", inApp: true },
  DEAL_TERMINATED: { email: "IMMEDIATE", inApp: true },
  DEAL_AMENDED: { email: "IMMEDIATE", inApp: true },
  STATEMENT_SUBMITTED: { email: "IMMEDIATE", inApp: true },
  STATEMENT_ACCEPTED: { email: "DAILY_DIGEST", inApp: true },
  STATEMENT_DISPUTED: { email: "IMMEDIATE", inApp: true },
  STATEMENT_SUPERSEDED: { email: "DAILY_DIGEST", inApp: true },
  RECEIPT_RECORDED: { email: "DAILY_DIGEST", inApp: true },
  ADVANCE_SUBMITTED: { email: "IMMEDIATE", inApp: true },
  ADVANCE_REVIEWED: { email: "DAILY_DIGEST", inApp: true },
  ADVANCE_DECIDED: { email: "IMMEDIATE", inApp: true },
  ADVANCE_DISBURSED: { email: "IMMEDIATE", inApp: true },
  ADVANCE_REPAID: { email: "DAILY_DIGEST", inApp: true },
  ADVANCE_DEFAULTED: { email: "IMMEDIATE", inApp: true },
  MG_INSTALMENT: { email: "IMMEDIATE", inApp: true },
  STATEMENT: { email: "IMMEDIATE", inApp: true },
  OVERAGE_PAYMENT: { email: "IMMEDIATE", inApp: true },
  RIGHTS_EXPIRY: { email: "IMMEDIATE", inApp: true },
  HOLDBACK_ENDS: { email: "IMMEDIATE", inApp: true },
  EDIT_DECISION: { email: "IMMEDIATE", inApp: true },
  ADVANCE_DISBURSEMENT: { email: "IMMEDIATE", inApp: true },
  FX_RATE_MISSING: { email: "IMMEDIATE", inApp: true },
  RENEWAL_NOTICE: { email: "IMMEDIATE", inApp: true },
};

const KNOWN = new Set<string>(PREFERENCE_KINDS);
export const isPreferenceKind = (kind: string): kind is PreferenceKind => KNOWN.has(kind);

/**
 * Every kind, in PREFERENCE_KINDS order, with the person's stored choice where there is one and
 * the default otherwise. Stored rows of kinds that no longer exist are ignored.
 */
export function resolvePreferences(stored: readonly { kind: string; email: EmailDelivery; inApp: boolean }[]): NotificationPreference[] {
  const byKind = new Map(stored.filter((s) => isPreferenceKind(s.kind)).map((s) => [s.kind, s]));
  return PREFERENCE_KINDS.map((kind) => {
    const own = byKind.get(kind);
    return own ? { kind, email: own.email, inApp: own.inApp } : { kind, ...DEFAULT_PREFERENCES[kind] };
  });
}

export type Delivery = { inApp: boolean; email: EmailDelivery };

/**
 * What one notification of `kind` becomes for one person. Kinds without preferences (edit
 * requests) are in-app only. E-mail goes only to an address its owner has verified: an unproven
 * address may be someone else's, and these e-mails carry business facts.
 */
export function deliveryFor(kind: string, stored: Setting | undefined, person: { emailVerified: boolean }): Delivery {
  if (!isPreferenceKind(kind)) return { inApp: true, email: "OFF" };
  const setting = stored ?? DEFAULT_PREFERENCES[kind];
  return { inApp: setting.inApp, email: person.emailVerified ? setting.email : "OFF" };
}

/** The settings page's sections, in order. */
export const PREFERENCE_GROUPS: readonly { id: "deals" | "statements" | "advances" | "reminders"; kinds: readonly PreferenceKind[] }[] = [
  { id: "deals", kinds: EVENT_KINDS.filter((k) => k.startsWith("DEAL_")) },
  { id: "statements", kinds: EVENT_KINDS.filter((k) => k.startsWith("STATEMENT_") || k === "RECEIPT_RECORDED") },
  { id: "advances", kinds: EVENT_KINDS.filter((k) => k.startsWith("ADVANCE_")) },
  { id: "reminders", kinds: OBLIGATION_KINDS },
];

export type TitleNames = { originalTitle: string; titleEn: string | null; titleZh: string | null };

/** A title's name in each language the UI speaks: its own name there, else the original. */
export function titleNames(titles: readonly TitleNames[]): { titlesEn: string[]; titlesZh: string[] } {
  return {
    titlesEn: titles.map((t) => t.titleEn || t.originalTitle),
    titlesZh: titles.map((t) => t.titleZh || t.originalTitle),
  };
}
