import { json, route } from "@/lib/api/handler";
import { queryAvails } from "@/lib/avails/queries";
import { availsQuerySchema } from "@/lib/deals/schema";

export const GET = route({ query: availsQuerySchema }, async ({ actor, query }) => {
  const result = await queryAvails(actor, query);
  return result.ok ? json({ items: result.value.items, titles: result.value.titles }) : result;
});
