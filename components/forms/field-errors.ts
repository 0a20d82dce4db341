import { type ErrorCode, type ErrorParams, isErrorCode } from "@/lib/api/error-codes";

/**
 * The pure half of the form kit's error handling: which words a field error shows, and where the
 * server's field errors land. No React here, so the rules are unit-tested (field-errors.test.ts);
 * `useFieldError` and `useActionForm` put them to work.
 */

/** A react-hook-form field error, or anything shaped like one. */
export type ErrorLike = { type?: string; message?: string } | undefined;

/**
 * How one form names the rules its fields follow in its messages namespace. Client-side zod
 * messages are English (the schemas are shared with the API), so a field shows its translated
 * rule instead; errors the server attached (`type: "server"`) are shown as sent.
 */
export type FieldRules = {
  /** The message key of the rule a field path follows; default: the path itself. */
  ruleOf?: (path: string) => string | undefined;
  /**
   * A key for a particular error before the field's rule: a cross-field rule (a window's end
   * before its start), too long a text, an identifier whose check character is wrong.
   */
  refine?: (path: string, error: { type?: string; message?: string }, value: unknown) => string | undefined;
  /** The key shown for a path with no rule (else the error's own message). */
  fallback?: string;
  /**
   * Server messages are English too: forms that show their own words for them name the key of a
   * server error here (`undefined` keeps the server's wording).
   */
  serverRule?: (path: string, message: string, value: unknown) => string | undefined;
};

/** What a field shows: a message key of the form's namespace, or text as it is. */
export type FieldErrorText = { key: string } | { text: string };

export function fieldErrorText(path: string, error: ErrorLike, rules: FieldRules = {}, value?: unknown): FieldErrorText | undefined {
  if (!error) return undefined;
  if (error.type === "server" && error.message) return { text: error.message };
  const refined = rules.refine?.(path, error, value);
  if (refined) return { key: refined };
  const rule = rules.ruleOf ? rules.ruleOf(path) : path;
  if (rule) return { key: rule };
  if (error.message) return { text: error.message };
  return rules.fallback ? { key: rules.fallback } : undefined;
}

/** The words a server error shows on its field: its rule's key when the form translates server errors. */
export function serverErrorText(path: string, message: string, rules: FieldRules, value?: unknown): FieldErrorText {
  if (!rules.serverRule) return { text: message };
  const key = rules.serverRule(path, message, value);
  return key ? { key } : { text: message };
}

/**
 * Reads a nested react-hook-form error (`errors.terms.instalments[0].amount.amount`) by its dotted
 * path; an array's own error (`errors.items.root`) stands for the array.
 */
export function errorAt(errors: unknown, path: string): ErrorLike {
  let node: unknown = errors;
  for (const key of path.split(".")) {
    if (node === null || typeof node !== "object") return undefined;
    node = (node as Record<string, unknown>)[key];
  }
  if (node && typeof node === "object" && "root" in node && !("message" in node)) node = (node as { root: unknown }).root;
  return node && typeof node === "object" && ("message" in node || "type" in node) ? (node as ErrorLike) : undefined;
}

/**
 * Where a form shows the server's field errors: the form path of an API path, or null for a path
 * the form has no field for (its message then goes to the alert above the buttons).
 */
export type FieldPlacement = (path: string) => string | null;

/** The fields named (by their first segment), after `map` (e.g. `capacity.amount` → `capacity`). */
export function fieldsNamed(names: readonly string[], map: (path: string) => string = (path) => path): FieldPlacement {
  return (path) => {
    const target = map(path);
    return names.includes(target.split(".")[0] ?? target) ? target : null;
  };
}

/** The form paths matching one of `patterns`, after `map`. */
export function fieldsMatching(patterns: readonly RegExp[], map: (path: string) => string = (path) => path): FieldPlacement {
  return (path) => {
    const target = map(path);
    return patterns.some((re) => re.test(target)) ? target : null;
  };
}

export type PlacedError = { field: string; path: string; messages: string[] };

/** Splits the server's field errors into those a field shows and the messages of the others. */
export function placeServerErrors(
  fieldErrors: Record<string, string[]> | undefined,
  placement: FieldPlacement,
): { placed: PlacedError[]; rest: string[] } {
  const placed: PlacedError[] = [];
  const rest: string[] = [];
  for (const [path, messages] of Object.entries(fieldErrors ?? {})) {
    const field = placement(path);
    if (field) placed.push({ field, path, messages });
    else rest.push(messages.join(" "));
  }
  return { placed, rest };
}

/**
 * The messages of a refused form's alert: the refusal in the UI language, then what no field shows.
 * Nothing when every server error found its field.
 */
export function refusalMessages(lead: string, rest: readonly string[], hadFieldErrors: boolean): string[] | null {
  return rest.length > 0 || !hadFieldErrors ? [lead, ...rest] : null;
}

/** What a refused form does: errors to put on fields (the first one focused) and the alert's messages. */
export type RefusalPlan = {
  fieldErrors: { field: string; error: { type: "server"; message: string } | { type: "validate" } }[];
  messages: string[] | null;
};

/**
 * Plans a refusal. `text` gives a field's words for the server's messages (undefined: the field's
 * own translated rule, as type "validate"); `messages` replaces the default alert (`lead`, then
 * what no field shows, or nothing when every error found its field).
 */
export function planRefusal(
  refusal: { fieldErrors?: Record<string, string[]> },
  how: {
    at: FieldPlacement;
    lead: string;
    text?: (path: string, messages: string[], field: string) => string | undefined;
    messages?: (rest: string[]) => string[] | null;
  },
): RefusalPlan {
  const { placed, rest } = placeServerErrors(refusal.fieldErrors, how.at);
  const fieldErrors = placed.map(({ field, path, messages }) => {
    const message = how.text ? how.text(path, messages, field) : messages.join(" ");
    return { field, error: message === undefined ? ({ type: "validate" } as const) : ({ type: "server", message } as const) };
  });
  const messages = how.messages ? how.messages(rest) : refusalMessages(how.lead, rest, refusal.fieldErrors !== undefined);
  return { fieldErrors, messages };
}

/** Whether a refusal reloads the page's data (`true`: every refusal). */
export function refreshesOn(reason: string, refreshOn: readonly string[] | true | undefined): boolean {
  return refreshOn === true || (refreshOn?.includes(reason) ?? false);
}

/** A refusal's or a field's problem as the server sends it: its code, params and English message. */
export type CodedError = { path?: string; code?: unknown; params?: unknown; message?: string };
/** Says a code in the viewer's language (`useTranslations("errors")`). */
export type SayCode = (code: ErrorCode, params: ErrorParams) => string;

function paramsOf(params: unknown): ErrorParams {
  if (!params || typeof params !== "object") return {};
  return Object.fromEntries(
    Object.entries(params).filter(
      (entry): entry is [string, string | number] => typeof entry[1] === "string" || typeof entry[1] === "number",
    ),
  );
}

/**
 * The words of a server problem in the viewer's language: its code's message filled in with its
 * params. `INVALID_VALUE` (no particular code) keeps the server's English message for an English
 * reader, who then loses nothing, and says the generic message in any other language.
 */
export function codedErrorText(error: CodedError, say: SayCode, locale: string): string {
  const english = locale === "en" && typeof error.message === "string" && error.message !== "";
  if (isErrorCode(error.code) && !(error.code === "INVALID_VALUE" && english)) return say(error.code, paramsOf(error.params));
  return english ? (error.message as string) : say("INVALID_VALUE", {});
}

/** A refusal's field errors (path → messages) in the viewer's language, from its coded `errors`. */
export function localizedFieldErrors(errors: readonly CodedError[], say: SayCode, locale: string): Record<string, string[]> {
  const out: Record<string, string[]> = {};
  for (const e of errors) {
    const path = e.path ?? "";
    out[path] = [...(out[path] ?? []), codedErrorText(e, say, locale)];
  }
  return out;
}
