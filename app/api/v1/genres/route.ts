import { json, route } from "@/lib/api/handler";
import { listGenres } from "@/lib/reference/genres";

export const GET = route({ auth: false }, async () => json({ items: listGenres() }, 200, { "cache-control": "public, max-age=3600" }));
