import { json, route } from "@/lib/api/handler";
import { listCurrencies } from "@/lib/reference/currencies";

export const GET = route({ auth: false }, async () => json({ items: listCurrencies() }, 200, { "cache-control": "public, max-age=3600" }));
