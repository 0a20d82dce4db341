"use client";

import type * as React from "react";
import { Select, SelectContent, SelectItem, SelectTrigger, SelectValue } from "@/components/ui/select";

export type SimpleSelectProps = Omit<React.ComponentProps<typeof SelectTrigger>, "value" | "defaultValue" | "children"> & {
  value: string | undefined;
  onValueChange: (value: string) => void;
  options: { value: string; label: React.ReactNode }[];
  placeholder?: React.ReactNode;
  name?: string;
};

/**
 * A select over a short fixed list. Props other than the value go to the trigger (the focusable
 * combobox), so `<FormField>` can label it and `getByLabel(...)` / `getByRole("combobox", { name })` find it.
 */
export function SimpleSelect({ value, onValueChange, options, placeholder, name, disabled, ...triggerProps }: SimpleSelectProps) {
  return (
    <Select value={value} onValueChange={onValueChange} name={name} disabled={disabled}>
      <SelectTrigger {...triggerProps}>
        <SelectValue placeholder={placeholder} />
      </SelectTrigger>
      <SelectContent>
        {options.map((option) => (
          <SelectItem key={option.value} value={option.value}>
            {option.label}
          </SelectItem>
        ))}
      </SelectContent>
    </Select>
  );
}
