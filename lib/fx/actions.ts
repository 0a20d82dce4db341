"use server";
import { revalidatePath } from "next/cache";
import { type ActionResult, fromFailure, parseInput, unauthenticated } from "@/lib/actions/result";
import { getSession } from "@/lib/auth/gate";
import { importFxRates, putFxRates } from "./commands";
import { putFxRatesSchema } from "./schema";

/**
 * Server actions of the FX rates page: session → schema → lib/fx command (which checks fx.manage
 * itself and writes the audit entry) → ActionResult.
 */

function refresh() {
  revalidatePath("/fx-rates");
  revalidatePath("/outcomes");
  revalidatePath("/dashboard");
}

export async function putFxRatesAction(input: unknown): Promise<ActionResult<{ saved: number }>> {
  const session = await getSession();
  if (!session) return unauthenticated;
  const parsed = parseInput(putFxRatesSchema, input);
  if (!parsed.ok) return parsed;
  const result = await putFxRates(session.actor, parsed.data);
  if (!result.ok) return fromFailure(result);
  refresh();
  return { ok: true, data: { saved: result.value.saved.length } };
}

// Server actions accept bodies up to 1 MB (Next default); larger files go through PUT /api/v1/fx-rates.
const MAX_BYTES = 1024 * 1024;

/** CSV/XLSX with columns date, base, quote, rate; `dryRun` checks every row without saving. */
export async function importFxRatesAction(formData: FormData): Promise<ActionResult<{ rows: number; dryRun: boolean }>> {
  const session = await getSession();
  if (!session) return unauthenticated;
  const file = formData.get("file");
  if (!(file instanceof File) || file.size === 0)
    return { ok: false, reason: "VALIDATION_FAILED", message: "Choose a file.", fieldErrors: { file: ["Choose a file."] } };
  if (file.size > MAX_BYTES)
    return {
      ok: false,
      reason: "VALIDATION_FAILED",
      message: "The file is larger than 1 MB.",
      fieldErrors: { file: ["The file is larger than 1 MB."] },
    };
  const dryRun = formData.get("dryRun") === "true";
  const result = await importFxRates(
    session.actor,
    { bytes: new Uint8Array(await file.arrayBuffer()), fileName: file.name, contentType: file.type || undefined },
    { dryRun },
  );
  if (!result.ok) return fromFailure(result);
  if (!dryRun) refresh();
  return { ok: true, data: { rows: result.value.rows, dryRun } };
}
