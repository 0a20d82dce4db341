import { route } from "@/lib/api/handler";
import { idParams } from "@/lib/api/schemas";
import { notFound } from "@/lib/result";
import { statementTemplateCsv } from "@/lib/statements/import";

export const GET = route({ params: idParams }, async ({ actor, params }) => {
  const csv = await statementTemplateCsv(actor, params.id);
  if (csv === null) return notFound("Deal");
  return new Response(`\uFEFF${csv}`, {
    headers: { "content-type": "text/csv; charset=utf-8", "content-disposition": 'attachment; filename="statement-template.csv"' },
  });
});
