"use client";

import type * as React from "react";
import { Input } from "@/components/ui/input";
import { groupDigits } from "./group-digits";

/**
 * A decimal input that groups thousands as you type ("1250000" → "1,250,000", the caret kept after
 * the same digit). The forms strip the separators before validating and sending (cleanNumber).
 */
export function GroupedInput({ onChange, ...props }: React.ComponentProps<"input">) {
  return (
    <Input
      inputMode="decimal"
      autoComplete="off"
      {...props}
      onChange={(e) => {
        const input = e.currentTarget;
        const grouped = groupDigits(input.value, input.selectionStart ?? input.value.length);
        if (grouped.value !== input.value) {
          input.value = grouped.value;
          input.setSelectionRange(grouped.caret, grouped.caret);
        }
        onChange?.(e);
      }}
    />
  );
}

export { cleanNumber } from "./group-digits";
