import { json, route } from "@/lib/api/handler";

export const dynamic = "force-dynamic";

/** Liveness: the process answers. No database, no auth: a load balancer may call it every second. */
export const GET = route({ auth: false }, async () => json({ status: "ok" }, 200, { "cache-control": "no-store" }));
