import { json, route } from "@/lib/api/handler";
import { readSheetUpload, uploadRefusal } from "@/lib/api/upload";
import { seasonParams } from "@/lib/catalogue/schema";
import { importEpisodes, MAX_EPISODE_IMPORT_BYTES } from "@/lib/catalogue/seasons";

/** CSV/XLSX of a season's episodes, all-or-nothing; `dryRun=true` checks only. */
export const POST = route({ params: seasonParams }, async ({ actor, params, req, requestId }) => {
  const upload = await readSheetUpload(req, MAX_EPISODE_IMPORT_BYTES);
  if (!upload.ok) return uploadRefusal(upload, requestId);
  const dryRun = ["true", "1"].includes(upload.value.fields.dryRun ?? "");
  const result = await importEpisodes(actor, params.id, params.sid, upload.value, { dryRun });
  if (!result.ok) return uploadRefusal(result, requestId);
  return json(result.value, dryRun ? 200 : 201);
});
