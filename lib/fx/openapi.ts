import type { OpenAPIRegistry } from "@asteasolutions/zod-to-openapi";
import { z } from "zod";
import { errorResponses } from "@/lib/api/schemas";
import { fxRateSchema, fxRatesQuerySchema, fxRatesResponseSchema, putFxRatesSchema } from "./schema";

const jsonBody = (schema: z.ZodType) => ({ content: { "application/json": { schema } } });

export function registerFxPaths(r: OpenAPIRegistry) {
  const tags = ["FX rates"];
  r.registerPath({
    method: "get",
    path: "/api/v1/fx-rates",
    tags,
    summary: "Rates in force on a date (default today): the latest on or before it, per pair",
    request: { query: fxRatesQuerySchema },
    responses: { 200: { description: "Rates.", ...jsonBody(fxRatesResponseSchema) }, ...errorResponses(401, 422) },
  });
  r.registerPath({
    method: "put",
    path: "/api/v1/fx-rates",
    tags,
    summary: "Enter the rates of a date against a base currency (platform administrators); replaces the same pair and date",
    request: { body: jsonBody(putFxRatesSchema) },
    responses: {
      200: { description: "Saved.", ...jsonBody(z.object({ date: z.iso.date(), base: z.string(), saved: z.array(fxRateSchema) })) },
      ...errorResponses(400, 401, 403, 415, 422),
    },
  });
  r.registerPath({
    method: "post",
    path: "/api/v1/fx-rates/import",
    tags,
    summary: "Import rates from CSV or XLSX (columns date, base, quote, rate); all-or-nothing; dryRun checks only",
    request: {
      body: {
        content: {
          "multipart/form-data": {
            schema: z.object({ file: z.string().meta({ format: "binary" }), dryRun: z.enum(["true", "false"]).optional() }),
          },
        },
      },
    },
    responses: {
      200: {
        description: "Dry run: valid, nothing saved.",
        ...jsonBody(z.object({ rows: z.int(), dryRun: z.boolean(), rates: z.array(fxRateSchema) })),
      },
      201: { description: "Saved.", ...jsonBody(z.object({ rows: z.int(), dryRun: z.boolean(), rates: z.array(fxRateSchema) })) },
      ...errorResponses(401, 403, 413, 415, 422),
    },
  });
}
