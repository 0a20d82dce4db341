import { route } from "@/lib/api/handler";
import { idParams } from "@/lib/api/schemas";
import { dealResponse } from "@/lib/deals/api";
import { signDeal } from "@/lib/deals/commands";
import { dealVersionSchema } from "@/lib/deals/schema";
import { fail } from "@/lib/result";

// The body is optional: {"version": n} guards against signing a deal that changed since it was read.
export const POST = route({ params: idParams }, async ({ actor, params, req }) => {
  const text = await req.text();
  let version: number | undefined;
  if (text.trim() !== "") {
    let raw: unknown;
    try {
      raw = JSON.parse(text);
    } catch {
      raw = null;
    }
    const parsed = dealVersionSchema.safeParse(raw);
    if (!parsed.success) {
      return fail("invalid", "VALIDATION_FAILED", 'Send no body, {} or {"version": n}.', {
        errors: [{ path: "version", message: "Send the version you last read, as a whole number." }],
      });
    }
    version = parsed.data.version;
  }
  const result = await signDeal(actor, params.id, version);
  return result.ok ? dealResponse(actor, params.id) : result;
});
