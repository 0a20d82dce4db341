import { json, route } from "@/lib/api/handler";
import { listMediaRights } from "@/lib/reference/media-rights";

export const GET = route({ auth: false }, async () => json({ items: listMediaRights() }, 200, { "cache-control": "public, max-age=3600" }));
