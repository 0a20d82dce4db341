import type { z } from "zod";
import type { EditCategory } from "@/lib/catalogue/schema";
import { type CreateEditRequestData, createEditRequestSchema } from "@/lib/edits/schema";

/**
 * The request form's values (strings as the inputs hold them) and the payload it sends: the API's
 * request body (POST /edit-requests, PATCH /edit-requests/{id}). The client schema checks the same
 * rules as the server's for each field; the server validates again and its errors come back on
 * the same paths (titleId, territories, items.2.magnitudePct …).
 */
export type RequestItemRow = { category: EditCategory | ""; description: string; rationale: string; magnitudePct: string };
export type RequestFormValues = {
  titleId: string;
  baseVersionId: string;
  territories: string[];
  dealId: string;
  name: string;
  items: RequestItemRow[];
};

export const requestPayloadSchema = createEditRequestSchema;
export type RequestPayload = CreateEditRequestData;

const blank = (v: string) => (v.trim() === "" ? undefined : v);

export function toRequestPayload(v: RequestFormValues): z.input<typeof requestPayloadSchema> {
  return {
    titleId: v.titleId,
    baseVersionId: v.baseVersionId,
    territories: v.territories,
    dealId: blank(v.dealId) ?? null,
    name: blank(v.name)?.trim(),
    items: v.items.map((item) => ({
      category: item.category as EditCategory,
      description: item.description,
      rationale: item.rationale,
      magnitudePct: blank(item.magnitudePct)?.trim() ?? null,
    })),
  };
}

export const emptyItem = (): RequestItemRow => ({ category: "", description: "", rationale: "", magnitudePct: "" });

/** A magnitude the rules can compare ("8", "9.5"); anything else is left to the field's error. */
export const usableMagnitude = (v: string) => (/^\d{1,3}(\.\d{1,4})?$/.test(v.trim()) ? v.trim() : null);

/** Server paths that the form shows on a field; others go to the alert above the buttons. */
export function requestFieldPath(path: string): string | null {
  if (/^(titleId|baseVersionId|territories|dealId|name)$/.test(path)) return path;
  if (/^territories\.\d+$/.test(path)) return "territories";
  if (/^items\.\d+\.(category|description|rationale|magnitudePct)$/.test(path)) return path;
  if (path === "items") return "items.root";
  return null;
}
