import { json, route } from "@/lib/api/handler";
import { idParams } from "@/lib/api/schemas";
import { notFound } from "@/lib/result";
import { dealBalance } from "@/lib/statements/queries";

export const GET = route({ params: idParams }, async ({ actor, params }) => {
  const balance = await dealBalance(actor, params.id);
  return balance ? json(balance) : notFound("Deal");
});
