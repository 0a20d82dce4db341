import { csvResponse, route } from "@/lib/api/handler";
import { csvFileName, platformCsv, presentPlatformOutcomes } from "@/lib/outcomes/present";
import { getPlatformOutcomes } from "@/lib/outcomes/queries";
import { platformOutcomesExportQuerySchema } from "@/lib/outcomes/schema";

export const GET = route({ permission: "outcomes.platform", query: platformOutcomesExportQuerySchema }, async ({ query }) => {
  const { table, ...rest } = query;
  const report = await getPlatformOutcomes(rest);
  if (!report.ok) return report;
  const view = presentPlatformOutcomes(report.value);
  return csvResponse(platformCsv(view, table), csvFileName(`platform-${table}`, view));
});
