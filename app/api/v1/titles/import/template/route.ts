import { route } from "@/lib/api/handler";
import { buildImportTemplate, TEMPLATE_FILE, templateQuerySchema } from "@/lib/catalogue/import-template";

export const GET = route({ query: templateQuerySchema }, async ({ query }) => {
  const file = TEMPLATE_FILE[query.format];
  const body = await buildImportTemplate(query.format);
  return new Response(body, {
    headers: {
      "content-type": file.contentType,
      "content-disposition": `attachment; filename="${file.name}"`,
      "content-length": String(body.byteLength),
      "cache-control": "private, max-age=3600",
    },
  });
});
