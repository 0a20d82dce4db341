import "server-only";
import type { NextRequest } from "next/server";
import type { z } from "zod";
import { json } from "@/lib/api/handler";
import { zodErrors } from "@/lib/api/problem";
import type { Actor } from "@/lib/auth/actor";
import { money } from "@/lib/money/currency";
import { fail, notFound, ok, type Result } from "@/lib/result";
import type { DisbursementView } from "./commands";
import { getAdvance } from "./queries";

/** Answers with the advance as the actor now sees it (after a command). */
export async function advanceResponse(actor: Actor, id: string, status = 200) {
  const advance = await getAdvance(actor, id);
  return advance ? json(advance, status) : notFound("Advance");
}

export function presentDisbursement(d: DisbursementView) {
  return {
    id: d.id,
    advanceId: d.advanceId,
    principal: money(d.principalMinor, d.currency),
    fee: money(d.feeMinor, d.currency),
    idempotencyKey: d.idempotencyKey,
    disbursedById: d.disbursedById,
    createdAt: d.createdAt.toISOString(),
  };
}

/**
 * An optional JSON body: none (or empty) → `{}` parsed by the schema; otherwise it must be JSON
 * that the schema accepts (422 naming the fields).
 */
export async function optionalBody<S extends z.ZodType>(req: NextRequest, schema: S): Promise<Result<z.output<S>>> {
  const text = await req.text();
  let raw: unknown = {};
  if (text.trim() !== "") {
    const type = req.headers.get("content-type") ?? "";
    if (!/^application\/([\w.+-]+\+)?json\b/i.test(type)) {
      return fail("invalid", "VALIDATION_FAILED", "Send the body as application/json, or no body.", {
        errors: [{ path: "", message: "Send the body as application/json, or no body." }],
      });
    }
    try {
      raw = JSON.parse(text);
    } catch {
      return fail("invalid", "MALFORMED_JSON", "The request body is not valid JSON.", {
        errors: [{ path: "", message: "The request body is not valid JSON." }],
      });
    }
  }
  const parsed = schema.safeParse(raw);
  if (!parsed.success) return fail("invalid", "VALIDATION_FAILED", "The request body is not valid.", { errors: zodErrors(parsed.error) });
  return ok(parsed.data);
}
