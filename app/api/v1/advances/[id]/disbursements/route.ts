import { json, route } from "@/lib/api/handler";
import { problem, problemResponse } from "@/lib/api/problem";
import { idParams } from "@/lib/api/schemas";
import { disburseAdvance } from "@/lib/facility/commands/disburse";
import { presentDisbursement } from "@/lib/facility/present";
import { disbursementBodySchema } from "@/lib/facility/schema";

const KEY = /^[\x21-\x7e]{1,255}$/;

/**
 * Disburses an approved advance exactly once. `Idempotency-Key` is required: a retry with the
 * same key and body answers 200 with the same disbursement (header Idempotent-Replayed: true).
 * The body names the bank's payment reference, value date and paying account (422 naming each
 * one missing).
 */
export const POST = route({ params: idParams, body: disbursementBodySchema }, async ({ actor, params, body, req, requestId }) => {
  const key = req.headers.get("idempotency-key")?.trim() ?? "";
  if (!KEY.test(key)) {
    const message = key
      ? "The Idempotency-Key must be 1–255 visible ASCII characters."
      : "Send an Idempotency-Key header (e.g. a UUID) so that a retry cannot pay twice.";
    return problemResponse(
      problem(400, "IDEMPOTENCY_KEY_REQUIRED", message, { requestId, errors: [{ path: "Idempotency-Key", message }] }),
    );
  }
  const result = await disburseAdvance(actor, params.id, { idempotencyKey: key, body });
  if (!result.ok) return result;
  const { disbursement, replayed } = result.value;
  return json(presentDisbursement(disbursement), replayed ? 200 : 201, replayed ? { "idempotent-replayed": "true" } : undefined);
});
