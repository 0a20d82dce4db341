"use client";

import { zodResolver } from "@hookform/resolvers/zod";
import type { FieldErrors, FieldValues, Resolver } from "react-hook-form";
import type { z } from "zod";

/**
 * `zodResolver(schema)` on what the form would send: the form's strings become the payload
 * (`toPayload`), the shared schema validates it, and errors land on the form's fields (their
 * paths mirror the payload; `rename` covers the few that differ, e.g. licenseeId → counterpartyId).
 */
export function payloadResolver<V extends FieldValues, S extends z.ZodType<FieldValues, FieldValues>>(
  schema: S,
  toPayload: (values: V) => z.input<S>,
  rename: Record<string, string> = {},
): Resolver<V, unknown, z.output<S>> {
  const validate = zodResolver(schema);
  return async (values, context, options) => {
    const result = await validate(toPayload(values), context, { ...options, names: undefined });
    const errors: Record<string, unknown> = { ...result.errors };
    for (const [from, to] of Object.entries(rename)) {
      if (errors[from]) {
        errors[to] = errors[from];
        delete errors[from];
      }
    }
    return Object.keys(errors).length === 0
      ? { values: result.values as z.output<S>, errors: {} }
      : { values: {}, errors: errors as FieldErrors<V> };
  };
}
