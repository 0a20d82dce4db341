import { json, route } from "@/lib/api/handler";
import { problemResponse, validationProblem } from "@/lib/api/problem";
import { idParams } from "@/lib/api/schemas";
import { readSheetUpload, uploadRefusal } from "@/lib/api/upload";
import { importStatement, MAX_STATEMENT_IMPORT_BYTES } from "@/lib/statements/import";
import { getStatementSummary } from "@/lib/statements/queries";
import { importStatementFieldsSchema } from "@/lib/statements/schema";

/** Statement upload: multipart (file, periodStart, periodEnd, expenses?, supersedesId?, dryRun?). */
export const POST = route({ permission: "statements.submit", params: idParams }, async ({ actor, req, params, requestId }) => {
  const upload = await readSheetUpload(req, MAX_STATEMENT_IMPORT_BYTES);
  if (!upload.ok) return uploadRefusal(upload, requestId);
  const fields = importStatementFieldsSchema.safeParse(upload.value.fields);
  if (!fields.success) return problemResponse(validationProblem(fields.error, requestId, "body"));
  const result = await importStatement(actor, params.id, upload.value, fields.data);
  if (!result.ok) return uploadRefusal(result, requestId);
  const { statementId } = result.value;
  const statement = statementId ? await getStatementSummary(actor, statementId) : null;
  return json({ imported: result.value, statement }, statementId ? 201 : 200);
});
