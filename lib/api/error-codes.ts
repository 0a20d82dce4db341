/**
 * Every code a refusal can carry, with the names of its `params`: the one registry the problem
 * bodies, their `errors[]` items, the OpenAPI document and the UI's messages
 * (`messages/<locale>/errors.json`, one message per code) are held to. The API's `detail` and
 * `message` stay English; a client shows the code's message in its own language, filled in with
 * `params`. A code, once published, is never renamed (clients key on it).
 *
 * Browser-safe and dependency-free: forms import it too.
 */
export const ERROR_CODES = {
  // ---- refusals (problem `code`, the same word as the `type` URI's last segment) ----
  ALREADY_APPLIED: [],
  ALREADY_DISBURSED: [],
  ALREADY_MEMBER: [],
  ALREADY_PAID: [],
  AMENDMENT_OUTDATED: [],
  AMENDMENT_SETTLED: [],
  NO_RENEWAL_OPTION: [],
  RENEWAL_NOTICE_PASSED: [],
  RENEWAL_EXERCISED: [],
  ALREADY_SIGNED: [],
  ALREADY_VERIFIED: [],
  AMOUNT_ABOVE_SNAPSHOT: [],
  BODY_TOO_LARGE: [],
  BUDGET_EXCEEDED: [],
  CAPACITY_BELOW_EXPOSURE: [],
  CLAWBACK_EXCEEDS_PAID: [],
  COOLING_PERIOD: [],
  CROSS_ORIGIN_REQUEST: [],
  CURRENCY_CHANGED: [],
  CURRENCY_LOCKED: [],
  DATABASE_BUSY: [],
  DATABASE_UNAVAILABLE: [],
  DEAL_EDITS_NOT_PERMITTED: [],
  DEAL_NOT_ELIGIBLE: [],
  DEAL_NOT_FOUND: [],
  DEAL_NOT_SIGNED: [],
  DEAL_OTHER_LICENSOR: [],
  DEAL_SETTLED: [],
  DEAL_TERRITORIES_NOT_COVERED: [],
  DEAL_TITLE_NOT_COVERED: [],
  EIDR_TAKEN: [],
  EMAIL_NOT_VERIFIED: [],
  EMAIL_TAKEN: [],
  EXPIRED: [],
  FILE_EMPTY: [],
  FILE_TOO_LARGE: [],
  FILE_UNREADABLE: [],
  FORBIDDEN: [],
  FOUR_EYES: [],
  FX_RATE_MISSING: [],
  HAS_APPLICATIONS: [],
  IDEMPOTENCY_KEY_INVALID: [],
  IDEMPOTENCY_KEY_REQUIRED: [],
  IDEMPOTENCY_KEY_REUSED: [],
  IMPORT_ROWS_INVALID: [],
  INSUFFICIENT_SCOPE: [],
  INTERNAL_ERROR: [],
  INVALID_CREDENTIALS: [],
  INVALID_HEADER: [],
  INVALID_LOCALE: [],
  INVALID_ROWS: [],
  INVALID_STATUS: [],
  INVALID_TOKEN: [],
  ITEM_ALREADY_DECIDED: [],
  LAST_OWNER: [],
  LIMITS_EXCEEDED: [],
  MALFORMED_JSON: [],
  METHOD_NOT_ALLOWED: [],
  NO_FACILITY: [],
  NO_FILE: [],
  NO_GRANTS: [],
  NOT_DRAFT: [],
  NOT_EDITABLE: [],
  NOT_ELIGIBLE: [],
  NOT_FOUND: [],
  NOT_PROPOSED: [],
  NOT_SUBMITTABLE: [],
  NOT_UNDER_REVIEW: [],
  NOT_WITHDRAWABLE: [],
  OWNER_ONLY: [],
  PAYOUT_EXCEEDS_AWARD: [],
  PEOPLE_ONLY: [],
  PERIOD_OVERLAP: [],
  PROGRAMME_NOT_OPEN: [],
  RATE_LIMITED: [],
  RECEIPT_EXCEEDS_OPEN: [],
  RIGHTS_CONFLICT: [],
  RIGHTS_NOT_HELD: [],
  STALE_UPDATE: [],
  STALE_VERSION: [],
  STATEMENT_DECIDED: [],
  STATEMENT_SUPERSEDED: [],
  TITLE_NOT_OFFERED: [],
  TOO_BROAD: [],
  TOO_DEEPLY_NESTED: [],
  TOO_MANY_ROWS: [],
  UNAUTHENTICATED: [],
  UNSUPPORTED_FILE_TYPE: [],
  UNSUPPORTED_MEDIA_TYPE: [],
  USER_REQUIRED: [],
  VALIDATION_FAILED: [],
  WRONG_ACCOUNT: [],

  // ---- field problems (`errors[].code`) ----
  /** A field that is not valid, when no more particular code applies (the English `message` says why). */
  INVALID_VALUE: [],
  /** zod's checks, by issue kind. */
  REQUIRED: [],
  INVALID_TYPE: ["expected"],
  TOO_SMALL: ["minimum"],
  TOO_BIG: ["maximum"],
  INVALID_FORMAT: ["format"],
  INVALID_OPTION: ["options"],
  UNKNOWN_FIELDS: ["keys"],
  /** Amounts and currencies. */
  CURRENCY_MISMATCH: ["currency"],
  AMOUNT_DECIMALS: ["currency", "digits"],
  AMOUNT_TOO_LARGE: [],
  AMOUNT_NOT_POSITIVE: [],
  /** Reference data. */
  LANGUAGE_UNKNOWN: ["value"],
  TERRITORY_UNKNOWN: ["value"],
  COUNTRY_UNKNOWN: ["value"],
  /** Table files (titles, statement lines, FX rates). */
  COLUMN_UNKNOWN: ["column", "columns"],
  COLUMN_DUPLICATE: ["column"],
  COLUMN_MISSING: ["column"],
  COLUMN_WITHOUT_HEADER: ["column"],
  EIDR_DUPLICATE_ROW: ["row"],
  AWARD_FORMAT: ["position", "value"],
  /** Statement lines. */
  PERIOD_END_BEFORE_START: [],
  TITLE_NOT_GRANTED: [],
  TITLE_NAME_UNKNOWN: ["name"],
  TERRITORY_NOT_GRANTED: ["territory"],
  MEDIA_NOT_GRANTED: ["mediaRight", "territory"],
  GRANT_OUTSIDE_PERIOD: ["territory", "mediaRight", "first", "last", "periodStart", "periodEnd"],
  REVENUE_TYPE_UNKNOWN: ["types", "expensesRow"],
  EXPENSES_TWICE: ["row"],
  EXPENSES_FIELD_AND_ROW: [],
  EXPENSES_INVALID: [],
  MORE_PROBLEMS: ["count"],
} as const satisfies Record<string, readonly string[]>;

export type ErrorCode = keyof typeof ERROR_CODES;
/** The values a code's message is filled in with; lists are joined by the sender (`"SG, HK"`). */
export type ErrorParams = Record<string, string | number>;

export const errorCodes = Object.keys(ERROR_CODES) as ErrorCode[];

export function isErrorCode(value: unknown): value is ErrorCode {
  return typeof value === "string" && Object.hasOwn(ERROR_CODES, value);
}
