import { json, route } from "@/lib/api/handler";
import { listCounterparties } from "@/lib/deals/queries";

export const GET = route({ permission: "deals.write" }, async ({ actor }) => {
  return json({ items: await listCounterparties(actor), nextCursor: null });
});
