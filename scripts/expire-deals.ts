// `npm run deals:expire`: marks SIGNED deals whose every grant has ended as EXPIRED (run daily).
import { db } from "@/lib/db/client";
import { expireEndedDeals } from "@/lib/deals/commands/end";

expireEndedDeals().then(
  async (ids) => {
    console.log(`${ids.length} deal(s) expired.`);
    await db.$disconnect();
  },
  (error: unknown) => {
    console.error(error);
    process.exit(1);
  },
);
