import { json, jsonOrNotFound, route } from "@/lib/api/handler";
import { iso } from "@/lib/api/present";
import { createDeal } from "@/lib/deals/commands/draft";
import { getDealView, listDeals } from "@/lib/deals/queries";
import { createDealSchema, dealListQuerySchema } from "@/lib/deals/schema";
import { money } from "@/lib/money/currency";

export const GET = route({ query: dealListQuerySchema }, async ({ actor, query }) => {
  const page = await listDeals(actor, query);
  return json({
    items: page.items.map((d) => ({
      id: d.id,
      name: d.name,
      status: d.status,
      version: d.lockVersion,
      currency: d.currency,
      licensor: d.licensor,
      licensee: d.licensee,
      role: d.licensorId === actor.org.id ? "LICENSOR" : "LICENSEE",
      awaitingOrganizationId: d.awaitingOrgId,
      grantCount: d._count.grants,
      minimumGuarantee: d.mgMinor === null ? null : money(d.mgMinor, d.currency),
      window: d.window,
      territories: d.territories,
      territoryCount: d.territoryCount,
      updatedAt: iso(d.updatedAt),
    })),
    nextCursor: page.nextCursor,
  });
});

export const POST = route({ permission: "deals.write", body: createDealSchema }, async ({ actor, body }) => {
  const result = await createDeal(actor, body);
  return result.ok ? jsonOrNotFound(await getDealView(actor, result.value.id), "Deal", 201) : result;
});
