import { json, route } from "@/lib/api/handler";
import { presentPlatformOutcomes } from "@/lib/outcomes/present";
import { getPlatformOutcomes } from "@/lib/outcomes/queries";
import { outcomesQuerySchema } from "@/lib/outcomes/schema";

export const GET = route({ permission: "outcomes.platform", query: outcomesQuerySchema }, async ({ query }) => {
  const report = await getPlatformOutcomes(query);
  return report.ok ? json(presentPlatformOutcomes(report.value)) : report;
});
