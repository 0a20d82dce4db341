/**
 * The one error the reference-data layer throws: codes that are not in the reference data.
 * Every unknown code is listed (never silently dropped), so a caller can report all of them at
 * once, e.g. as field errors `{path: "territories", message: "Unknown territory code(s): XX, YY"}`.
 */
export type ReferenceKind = "territory" | "mediaRight" | "currency" | "language" | "genre";

const LABEL: Record<ReferenceKind, string> = {
  territory: "territory",
  mediaRight: "media right",
  currency: "currency",
  language: "language tag",
  genre: "genre",
};

export class UnknownReferenceCodeError extends Error {
  override readonly name = "UnknownReferenceCodeError";
  /** What sort of code was unknown. */
  readonly kind: ReferenceKind;
  /** The unknown codes, as given by the caller, without duplicates, in input order. */
  readonly codes: readonly string[];

  constructor(kind: ReferenceKind, codes: readonly string[]) {
    const unique = [...new Set(codes)];
    super(`Unknown ${LABEL[kind]} code(s): ${unique.map((c) => JSON.stringify(c)).join(", ")}`);
    this.kind = kind;
    this.codes = unique;
  }
}

export function isUnknownReferenceCodeError(e: unknown): e is UnknownReferenceCodeError {
  return e instanceof UnknownReferenceCodeError;
}
