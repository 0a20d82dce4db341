import { json, route } from "@/lib/api/handler";
import { listLanguages } from "@/lib/reference/languages";

export const GET = route({ auth: false }, async () => json({ items: listLanguages() }, 200, { "cache-control": "public, max-age=3600" }));
