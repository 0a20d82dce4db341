import { z } from "zod";
import { json, route } from "@/lib/api/handler";
import { listTerritories } from "@/lib/territories";

const query = z.object({ type: z.enum(["COUNTRY", "REGION", "GROUP"]).optional() });

export const GET = route({ auth: false, query }, async ({ query: q }) =>
  json({ items: listTerritories({ type: q.type }) }, 200, { "cache-control": "public, max-age=3600" }),
);
