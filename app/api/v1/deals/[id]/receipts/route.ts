import { json, route } from "@/lib/api/handler";
import { optionalIdempotencyKey } from "@/lib/api/idempotency";
import { idParams } from "@/lib/api/schemas";
import { moneyOf } from "@/lib/money/currency";
import { notFound } from "@/lib/result";
import { recordReceipt } from "@/lib/statements/commands/receipts";
import { listReceipts } from "@/lib/statements/queries";
import { recordReceiptSchema } from "@/lib/statements/schema";

export const GET = route({ params: idParams }, async ({ actor, params }) => {
  const result = await listReceipts(actor, params.id);
  return result ? json(result) : notFound("Deal");
});

/**
 * Records cash received. An optional `Idempotency-Key` makes a retry safe: the same key and body
 * answer 200 with the receipt recorded first (header Idempotent-Replayed: true); the same key
 * with another body 422 IDEMPOTENCY_KEY_REUSED.
 */
export const POST = route(
  { permission: "statements.review", params: idParams, body: recordReceiptSchema },
  async ({ actor, params, body, req, requestId }) => {
    const idempotency = optionalIdempotencyKey(req, requestId);
    if (idempotency instanceof Response) return idempotency;
    const result = await recordReceipt(actor, params.id, body, { idempotencyKey: idempotency.key });
    if (!result.ok) return result;
    const { id, currency, kind, amountMinor, receivedOn, instalmentIndex, split, replayed } = result.value;
    const money = moneyOf(currency);
    return json(
      {
        id,
        dealId: params.id,
        kind,
        amount: money(amountMinor),
        receivedOn,
        instalmentIndex,
        split: {
          creators: split.creators.map((c) => ({ name: c.name, amount: money(c.amountMinor) })),
          creatorsTotal: money(split.creatorsTotalMinor),
          facility: money(split.facilityMinor),
          studio: money(split.studioMinor),
        },
      },
      replayed ? 200 : 201,
      replayed ? { "idempotent-replayed": "true" } : undefined,
    );
  },
);
