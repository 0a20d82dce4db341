import { z } from "zod";
import { route } from "@/lib/api/handler";
import { feedDocument } from "@/lib/obligations/feeds";
import { notFound } from "@/lib/result";
import { messages } from "@/messages";

/** A person's private calendar feed: calendar apps send no headers, the token is the credential. */
const query = z.object({ token: z.string().max(200).optional() });

export const GET = route({ auth: false, query }, async ({ query: q }) => {
  const document = q.token ? await feedDocument(q.token, (locale) => messages[locale].obligations) : null;
  if (document === null) return notFound("Calendar feed");
  return new Response(document, {
    status: 200,
    headers: {
      "content-type": "text/calendar; charset=utf-8",
      "content-disposition": 'inline; filename="rightsbridge-obligations.ics"',
      "cache-control": "private, no-store",
    },
  });
});
