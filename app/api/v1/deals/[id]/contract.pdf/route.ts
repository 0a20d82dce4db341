import { route } from "@/lib/api/handler";
import { idParams } from "@/lib/api/schemas";
import { contentDisposition, contractLanguage, contractPdf, contractQuerySchema } from "@/lib/deals/contract";
import { LOCALE_COOKIE } from "@/lib/i18n/config";

export const GET = route({ params: idParams, query: contractQuerySchema }, async ({ actor, req, params, query }) => {
  const lang = contractLanguage(query.lang, req.cookies.get(LOCALE_COOKIE)?.value);
  const result = await contractPdf(actor, params.id, lang);
  if (!result.ok) return result;
  const { pdf, fileName } = result.value;
  return new Response(new Uint8Array(pdf), {
    headers: {
      "content-type": "application/pdf",
      "content-disposition": contentDisposition(fileName),
      "content-length": String(pdf.byteLength),
      "content-language": lang === "zh" ? "zh-CN" : "en",
      "cache-control": "private, no-store",
    },
  });
});
