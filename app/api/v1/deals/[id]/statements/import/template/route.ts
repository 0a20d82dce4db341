import { csvResponse, route } from "@/lib/api/handler";
import { idParams } from "@/lib/api/schemas";
import { notFound } from "@/lib/result";
import { statementTemplateCsv } from "@/lib/statements/import";

export const GET = route({ params: idParams }, async ({ actor, params }) => {
  const csv = await statementTemplateCsv(actor, params.id);
  if (csv === null) return notFound("Deal");
  return csvResponse(csv, "statement-template.csv");
});
