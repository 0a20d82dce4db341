import { createHash } from "node:crypto";
import type { NextRequest } from "next/server";
import { problem, problemResponse } from "./problem";

/**
 * Idempotency-Key for writes that move money (the disbursement semantics): the same key and body
 * answer the first result (200, `Idempotent-Replayed: true`), the same key with another body 422
 * IDEMPOTENCY_KEY_REUSED. These helpers read the optional header and fingerprint the request.
 */
const KEY = /^[\x21-\x7e]{1,255}$/;

/** The key, null when the header is absent, or the 400 answer for a malformed one. */
export function optionalIdempotencyKey(req: NextRequest, requestId: string): { key: string | null } | Response {
  const raw = req.headers.get("idempotency-key");
  if (raw === null) return { key: null };
  const key = raw.trim();
  if (KEY.test(key)) return { key };
  const message = "The Idempotency-Key must be 1–255 visible ASCII characters.";
  return problemResponse(problem(400, "IDEMPOTENCY_KEY_INVALID", message, { requestId, errors: [{ path: "Idempotency-Key", message }] }));
}

/** SHA-256 of the target and the canonical (key-sorted, undefined dropped) request body. */
export function requestHash(target: Record<string, string>, body: unknown): string {
  return createHash("sha256")
    .update(JSON.stringify({ ...target, body: canonical(body ?? {}) }))
    .digest("hex");
}

function canonical(value: unknown): unknown {
  if (Array.isArray(value)) return value.map(canonical);
  if (value && typeof value === "object") {
    return Object.fromEntries(
      Object.entries(value as Record<string, unknown>)
        .filter(([, v]) => v !== undefined)
        .sort(([a], [b]) => (a < b ? -1 : 1))
        .map(([k, v]) => [k, canonical(v)]),
    );
  }
  return value;
}
