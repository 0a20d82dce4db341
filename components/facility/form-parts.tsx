"use client";

import { useTranslations } from "next-intl";
import type * as React from "react";
import type { FieldErrors, FieldValues, Path, Resolver, UseFormSetError } from "react-hook-form";
import type { z } from "zod";
import { Input } from "@/components/ui/input";
import { cn } from "@/lib/utils";

/** A text input for an amount with the currency shown beside it. */
export function AmountInput({ currency, className, ...props }: React.ComponentProps<"input"> & { currency: string }) {
  return (
    <div className={cn("relative", className)}>
      <Input inputMode="decimal" autoComplete="off" className="pr-14 tabular-nums" {...props} />
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

type ErrorLike = { type?: string; message?: string } | undefined;

/**
 * Message of a field error in the UI language: the server's own wording for server errors (rules
 * such as "use the facility currency"), the field's rule for client-side zod errors (English,
 * the schemas being shared with the API).
 */
export function useFacilityFieldError() {
  const t = useTranslations("facility.validation");
  return (field: "amount" | "percent" | "dealId" | "purpose" | "currency" | "reason" | "text", error: ErrorLike): string | undefined => {
    if (!error) return undefined;
    if (error.type === "server" && error.message) return error.message;
    return t(field);
  };
}

/** Puts server field errors on the form's fields and returns the messages that belong to none. */
export function applyFieldErrors<T extends FieldValues>(
  setError: UseFormSetError<T>,
  fieldErrors: Record<string, string[]> | undefined,
  fields: readonly string[],
): string[] {
  const rest: string[] = [];
  let first = true;
  for (const [path, messages] of Object.entries(fieldErrors ?? {})) {
    const target = formField(path);
    if (fields.includes(target)) {
      setError(target as Path<T>, { type: "server", message: messages.join(" ") }, { shouldFocus: first });
      first = false;
    } else rest.push(messages.join(" "));
  }
  return rest;
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
