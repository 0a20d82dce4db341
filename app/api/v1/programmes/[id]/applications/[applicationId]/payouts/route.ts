import { json, route } from "@/lib/api/handler";
import { problem, problemResponse } from "@/lib/api/problem";
import { payOut } from "@/lib/programmes/commands/payouts";
import { presentPayout } from "@/lib/programmes/present";
import { applicationParams, payoutSchema } from "@/lib/programmes/schema";

const KEY = /^[\x21-\x7e]{1,255}$/;

/**
 * Pays part or all of an award. `Idempotency-Key` is required: a retry with the same key and body
 * answers 200 with the same payout (header Idempotent-Replayed: true).
 */
export const POST = route({ params: applicationParams, body: payoutSchema }, async ({ actor, params, body, req, requestId }) => {
  const key = req.headers.get("idempotency-key")?.trim() ?? "";
  if (!KEY.test(key)) {
    const message = key
      ? "The Idempotency-Key must be 1–255 visible ASCII characters."
      : "Send an Idempotency-Key header (e.g. a UUID) so that a retry cannot pay twice.";
    return problemResponse(
      problem(400, "IDEMPOTENCY_KEY_REQUIRED", message, { requestId, errors: [{ path: "Idempotency-Key", message }] }),
    );
  }
  const result = await payOut(actor, params.id, params.applicationId, { idempotencyKey: key, body });
  if (!result.ok) return result;
  const { entry, currency, replayed } = result.value;
  return json(presentPayout(entry, currency), replayed ? 200 : 201, replayed ? { "idempotent-replayed": "true" } : undefined);
});
