import { json, route } from "@/lib/api/handler";
import { presentOutcomes } from "@/lib/outcomes/present";
import { getOutcomes } from "@/lib/outcomes/queries";
import { outcomesQuerySchema } from "@/lib/outcomes/schema";

export const GET = route({ query: outcomesQuerySchema }, async ({ actor, query }) => {
  const report = await getOutcomes(actor, query);
  return report.ok ? json(presentOutcomes(report.value)) : report;
});
