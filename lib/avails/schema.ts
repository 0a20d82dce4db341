import { z } from "zod";
import { availsQuerySchema } from "@/lib/deals/schema";

/** Query schemas of the EMA Avails endpoints (export and import), shared with the OpenAPI document. */
export const exportFormatSchema = z
  .enum(["xlsx", "csv"], { error: "Use format=xlsx or format=csv." })
  .default("xlsx")
  .meta({ description: "xlsx: Movie, TV and Mapping sheets; csv: the Movie-sheet columns (plus the extras) for every row." });

export const availsExportQuerySchema = availsQuerySchema.safeExtend({ format: exportFormatSchema });
export const grantsExportQuerySchema = z.object({ format: exportFormatSchema });

export const emaImportQuerySchema = z.object({
  openEndDate: z.iso
    .date({ error: "Use a date as YYYY-MM-DD." })
    .optional()
    .meta({ description: "Closes rows whose End is “Open” on this date; without it such rows are refused." }),
  version: z.coerce
    .number()
    .int()
    .min(1)
    .optional()
    .meta({ description: "The deal version you last read; refused with 409 if it changed." }),
});
