import { csvResponse, route } from "@/lib/api/handler";
import { breakdownCsv, csvFileName, presentOutcomes } from "@/lib/outcomes/present";
import { getOutcomes } from "@/lib/outcomes/queries";
import { outcomesExportQuerySchema } from "@/lib/outcomes/schema";

export const GET = route({ query: outcomesExportQuerySchema }, async ({ actor, query }) => {
  const { breakdown, ...rest } = query;
  const report = await getOutcomes(actor, rest);
  if (!report.ok) return report;
  const view = presentOutcomes(report.value);
  return csvResponse(breakdownCsv(view, breakdown), csvFileName(breakdown, view));
});
