import { ChevronDown } from "lucide-react";
import type * as React from "react";
import { inputClassName } from "@/components/ui/input";
import { cn } from "@/lib/utils";

/**
 * A native <select> styled like the inputs, for the rows of a line editor: dozens of rows of
 * pickers stay light, keyboard type-ahead works, and it registers with react-hook-form directly.
 */
export function NativeSelect({ className, children, ...props }: React.ComponentProps<"select">) {
  return (
    <span className={cn("relative flex min-w-0", className)}>
      <select {...props} className={cn(inputClassName, "appearance-none pr-8")}>
        {children}
      </select>
      <ChevronDown className="pointer-events-none absolute top-1/2 right-2.5 size-4 -translate-y-1/2 opacity-50" aria-hidden />
    </span>
  );
}
