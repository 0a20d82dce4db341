import { json, route } from "@/lib/api/handler";
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

export const POST = route(
  { permission: "statements.review", params: idParams, body: recordReceiptSchema },
  async ({ actor, params, body }) => {
    const result = await recordReceipt(actor, params.id, body);
    if (!result.ok) return result;
    const { id, currency, split } = result.value;
    const money = moneyOf(currency);
    return json(
      {
        id,
        dealId: params.id,
        kind: body.kind,
        amount: money(split.creatorsTotalMinor + split.facilityMinor + split.studioMinor),
        receivedOn: body.receivedOn,
        instalmentIndex: body.kind === "MG_INSTALMENT" ? (body.instalmentIndex ?? null) : null,
        split: {
          creators: split.creators.map((c) => ({ name: c.name, amount: money(c.amountMinor) })),
          creatorsTotal: money(split.creatorsTotalMinor),
          facility: money(split.facilityMinor),
          studio: money(split.studioMinor),
        },
      },
      201,
    );
  },
);
