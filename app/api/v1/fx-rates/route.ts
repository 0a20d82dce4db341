import { json, route } from "@/lib/api/handler";
import { db } from "@/lib/db/client";
import { putFxRates } from "@/lib/fx/commands";
import { ratesInForce } from "@/lib/fx/queries";
import { fxRatesQuerySchema, putFxRatesSchema } from "@/lib/fx/schema";

const today = () => new Date().toISOString().slice(0, 10);

export const GET = route({ query: fxRatesQuerySchema }, async ({ query }) => {
  const date = query.date ?? today();
  return json({ date, rates: await ratesInForce(db, date) });
});

export const PUT = route({ permission: "fx.manage", body: putFxRatesSchema }, async ({ actor, body }) => {
  const result = await putFxRates(actor, body);
  if (!result.ok) return result;
  return json({ date: body.date, base: body.base, saved: result.value.saved });
});
