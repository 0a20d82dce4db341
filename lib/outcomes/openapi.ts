import type { OpenAPIRegistry } from "@asteasolutions/zod-to-openapi";
import { z } from "zod";
import { errorCodeSchema, errorResponses, paramsSchema } from "@/lib/api/schemas";
import {
  missingRateSchema,
  outcomesExportQuerySchema,
  outcomesQuerySchema,
  outcomesSchema,
  platformOutcomesExportQuerySchema,
  platformOutcomesSchema,
} from "./schema";

const json = (schema: z.ZodType) => ({ content: { "application/json": { schema } } });
const csv = (description: string) => ({ description, content: { "text/csv": { schema: z.string() } } });

const unprocessable = {
  422: {
    description:
      "Invalid from/to/currency/granularity (`errors` names the field), or an FX rate needed to convert a receipt is missing (`FX_RATE_MISSING`: `missingRates` lists each pair and date).",
    content: {
      "application/problem+json": {
        schema: z.object({
          type: z.string(),
          title: z.string(),
          status: z.int(),
          detail: z.string(),
          code: errorCodeSchema,
          params: paramsSchema,
          errors: z.array(z.object({ path: z.string(), message: z.string(), code: errorCodeSchema, params: paramsSchema })).optional(),
          missingRates: z.array(missingRateSchema).optional(),
        }),
      },
    },
  },
};

const DEFINITION =
  "IP receipts = cash received as licensor on cross-border deals (the licensee's home country differs); IP payments = cash paid as licensee on cross-border deals. Each receipt is converted at the latest FX rate on or before the day it was received (rounded half-even per receipt) and spread over the deal's statement lines pro rata to gross (or evenly over its grants before any statement) by largest remainder, so every breakdown sums exactly to the totals.";

export function registerOutcomesPaths(r: OpenAPIRegistry) {
  const tags = ["Outcomes"];
  r.registerPath({
    method: "get",
    path: "/api/v1/outcomes",
    tags,
    summary:
      "IP receipts, IP payments and their ratio for your organisation, over time and by country, media right, revenue type, genre and title",
    description: DEFINITION,
    request: { query: outcomesQuerySchema },
    responses: { 200: { description: "The outcomes.", ...json(outcomesSchema) }, ...errorResponses(401), ...unprocessable },
  });
  r.registerPath({
    method: "get",
    path: "/api/v1/outcomes/export",
    tags,
    summary: "One outcomes table (series or a breakdown) as CSV",
    request: { query: outcomesExportQuerySchema },
    responses: { 200: csv("The table as CSV (UTF-8 with BOM)."), ...errorResponses(401), ...unprocessable },
  });
  r.registerPath({
    method: "get",
    path: "/api/v1/outcomes/platform",
    tags,
    summary: "Platform view: every studio's IP receipts and payments grouped by home country, with each studio's export share",
    description: `${DEFINITION} Platform organisations only.`,
    request: { query: outcomesQuerySchema },
    responses: {
      200: { description: "The platform outcomes.", ...json(platformOutcomesSchema) },
      ...errorResponses(401, 403),
      ...unprocessable,
    },
  });
  r.registerPath({
    method: "get",
    path: "/api/v1/outcomes/platform/export",
    tags,
    summary: "A platform outcomes table (by home country or by studio) as CSV",
    request: { query: platformOutcomesExportQuerySchema },
    responses: { 200: csv("The table as CSV (UTF-8 with BOM)."), ...errorResponses(401, 403), ...unprocessable },
  });
}
