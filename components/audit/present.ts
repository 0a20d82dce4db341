/**
 * Pure helpers that turn audit entries into something a person can scan: which fields changed,
 * and which label an action or record type has in the UI. Unknown actions and types (added by
 * later features before their labels) fall back to their raw codes.
 */

export type DiffRow = { field: string; change: "added" | "removed" | "changed"; before?: string; after?: string };

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === "object" && value !== null && !Array.isArray(value);
}

const MAX_VALUE_LENGTH = 80;

/** One line per value: strings as they are, everything else as compact JSON, long values cut. */
export function displayValue(value: unknown): string {
  const text = typeof value === "string" ? value : value === undefined ? "" : JSON.stringify(value);
  return text.length > MAX_VALUE_LENGTH ? `${text.slice(0, MAX_VALUE_LENGTH - 1)}…` : text;
}

const same = (a: unknown, b: unknown) => JSON.stringify(a) === JSON.stringify(b);

/** The fields an entry changed: set on creation, cleared on removal, or before → after. */
export function diffValues(before: unknown, after: unknown): DiffRow[] {
  const hasBefore = before !== null && before !== undefined;
  const hasAfter = after !== null && after !== undefined;
  if (!hasBefore && !hasAfter) return [];
  if (!isRecord(before ?? {}) || !isRecord(after ?? {})) {
    if (same(before, after)) return [];
    return [
      {
        field: "",
        change: !hasBefore ? "added" : !hasAfter ? "removed" : "changed",
        ...(hasBefore ? { before: displayValue(before) } : {}),
        ...(hasAfter ? { after: displayValue(after) } : {}),
      },
    ];
  }
  const b = (before ?? {}) as Record<string, unknown>;
  const a = (after ?? {}) as Record<string, unknown>;
  const fields = [...new Set([...Object.keys(b), ...Object.keys(a)])];
  const rows: DiffRow[] = [];
  for (const field of fields) {
    const inBefore = field in b;
    const inAfter = field in a;
    if (inBefore && inAfter) {
      if (!same(b[field], a[field])) rows.push({ field, change: "changed", before: displayValue(b[field]), after: displayValue(a[field]) });
    } else if (inAfter) {
      rows.push({ field, change: "added", after: displayValue(a[field]) });
    } else {
      rows.push({ field, change: "removed", before: displayValue(b[field]) });
    }
  }
  return rows;
}

export const KNOWN_ACTIONS = [
  "organization.register",
  "organization.create",
  "invitation.create",
  "invitation.revoke",
  "membership.create",
  "membership.role_change",
  "membership.remove",
  "user.logout_everywhere",
  "api_key.create",
  "api_key.revoke",
  "organization.seed",
  "title.create",
  "title.update",
  "title.archive",
  "title.restore",
  "title.poster",
  "title.import",
  "version.create",
  "version.update",
  "market_test.create",
  "season.create",
  "episode.create",
  "episode.import",
  "rights_held.replace",
  "edit_policy.set",
  "edit_request.create",
  "edit_request.update",
  "edit_request.submit",
  "edit_request.resubmit",
  "edit_request.withdraw",
  "edit_request.decide",
  "edit_request.request_changes",
  "edit_request.comment",
  "edit_request.attach",
  "deal.create",
  "deal.update",
  "deal.propose",
  "deal.sign",
  "deal.terminate",
  "deal.expire",
  "grant.create",
  "grant.delete",
  "statement.submit",
  "statement.accept",
  "statement.dispute",
  "receipt.record",
  "fx.rates.put",
  "fx.rates.import",
  "facility.settings.update",
  "advance.create",
  "advance.update",
  "advance.submit",
  "advance.review",
  "advance.approve",
  "advance.decline",
  "advance.disburse",
  "advance.recoup",
  "advance.default",
  "advance.write_off",
  "advance.document.add",
] as const;

type ActionCode = (typeof KNOWN_ACTIONS)[number];
type Underscored<S extends string> = S extends `${infer A}.${infer B}` ? `${A}_${Underscored<B>}` : S;
export type ActionMessageKey = Underscored<ActionCode>;

/** Message key of a known action ("membership.role_change" → "membership_role_change"); null for others. */
export function actionMessageKey(action: string): ActionMessageKey | null {
  return (KNOWN_ACTIONS as readonly string[]).includes(action) ? (action.replaceAll(".", "_") as ActionMessageKey) : null;
}

/** Record types the audit log can be filtered by, in the order the filter lists them. */
export const ENTITY_TYPES = [
  "Organization",
  "Membership",
  "Invitation",
  "ApiKey",
  "User",
  "Title",
  "TitleImport",
  "Version",
  "MarketTest",
  "EditRequest",
  "Deal",
] as const;
export type EntityType = (typeof ENTITY_TYPES)[number];

export function isEntityType(value: string): value is EntityType {
  return (ENTITY_TYPES as readonly string[]).includes(value);
}
