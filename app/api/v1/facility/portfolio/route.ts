import { csvResponse, json, route } from "@/lib/api/handler";
import { getPortfolio, portfolioCsv } from "@/lib/facility/portfolio";
import { portfolioQuerySchema } from "@/lib/facility/schema";
import { notFound } from "@/lib/result";

// Facility staff only: studios and partners get 404 (a studio sees its own advances at /advances).
export const GET = route({ query: portfolioQuerySchema }, async ({ actor, query }) => {
  const portfolio = await getPortfolio(actor, { advanceLimit: query.format === "csv" ? Number.POSITIVE_INFINITY : 500 });
  if (!portfolio) return notFound("Portfolio");
  if (query.format === "csv") {
    return csvResponse(portfolioCsv(portfolio), `portfolio-${portfolio.asOf.slice(0, 10)}.csv`);
  }
  return json(portfolio);
});
