import { json, route } from "@/lib/api/handler";
import { readSheetUpload, uploadRefusal } from "@/lib/api/upload";
import { importFxRates, MAX_FX_IMPORT_BYTES } from "@/lib/fx/commands";

/** CSV/XLSX of rates (date, base, quote, rate), all-or-nothing; `dryRun=true` checks only. */
export const POST = route({ permission: "fx.manage" }, async ({ actor, req, requestId }) => {
  const upload = await readSheetUpload(req, MAX_FX_IMPORT_BYTES);
  if (!upload.ok) return uploadRefusal(upload, requestId);
  const dryRun = ["true", "1"].includes(upload.value.fields.dryRun ?? "");
  const result = await importFxRates(actor, upload.value, { dryRun });
  if (!result.ok) return uploadRefusal(result, requestId);
  return json(result.value, dryRun ? 200 : 201);
});
