"use client";

import type * as React from "react";
import type { FieldErrors, FieldValues, Resolver } from "react-hook-form";
import type { z } from "zod";
import { GroupedInput } from "@/components/forms/grouped-input";
import { Input } from "@/components/ui/input";
import { cn } from "@/lib/utils";

/**
 * A text input for an amount with the currency shown beside it; thousands are grouped as you type
 * (GroupedInput), and the forms strip the separators before sending (cleanNumber).
 */
export function AmountInput({ currency, className, ...props }: React.ComponentProps<"input"> & { currency: string }) {
  return (
    <div className={cn("relative", className)}>
      <GroupedInput className="pr-14 tabular-nums" {...props} />
      <span className="pointer-events-none absolute inset-y-0 right-3 flex items-center font-mono text-xs text-muted-foreground">
        {currency}
      </span>
    </div>
  );
}

export function PercentInput({ className, ...props }: React.ComponentProps<"input">) {
  return (
    <div className={cn("relative", className)}>
      <Input inputMode="decimal" autoComplete="off" className="pr-8 tabular-nums" {...props} />
      <span className="pointer-events-none absolute inset-y-0 right-3 flex items-center text-xs text-muted-foreground">%</span>
    </div>
  );
}

export { cleanNumber } from "./clean";

/** A money field of the API (`capacity.amount`, `amount.currency`, ...) is one input in the forms. */
export function formField(path: string): string {
  return path.replace(/\.(amount|currency)$/, "");
}

/**
 * A react-hook-form resolver that validates what the form would send (`toPayload(values)`) with
 * the shared zod schema and puts each issue on the form field it belongs to (money paths such as
 * `capacity.amount` on the one `capacity` input).
 */
export function schemaResolver<V extends FieldValues, S extends z.ZodType>(
  schema: S,
  toPayload: (values: V) => unknown,
): Resolver<V, unknown, z.output<S>> {
  return async (values) => {
    const parsed = await schema.safeParseAsync(toPayload(values));
    if (parsed.success) return { values: parsed.data, errors: {} };
    const errors: Record<string, { type: string; message: string }> = {};
    for (const issue of parsed.error.issues) {
      const field = formField(issue.path.map(String).join("."));
      errors[field] ??= { type: issue.code, message: issue.message };
    }
    return { values: {}, errors: errors as FieldErrors<V> };
  };
}
