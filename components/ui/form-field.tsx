"use client";

import { Slot } from "radix-ui";
import type * as React from "react";
import { useId } from "react";
import { cn } from "@/lib/utils";
import { Label } from "./label";

/** A react-hook-form `FieldError`, a plain message, or nothing. */
export type FieldErrorLike = { message?: string } | string | undefined | null;

export function errorMessage(error: FieldErrorLike): string | undefined {
  if (!error) return undefined;
  return typeof error === "string" ? error : error.message || undefined;
}

export type FormFieldProps = {
  label: React.ReactNode;
  /** Exactly one control element; it receives id, aria-invalid, aria-describedby and aria-labelledby. */
  children: React.ReactElement;
  description?: React.ReactNode;
  error?: FieldErrorLike;
  /** Shown after the label, e.g. "Optional"; never part of the control's accessible name. */
  hint?: React.ReactNode;
  /** Extra content on the label row, e.g. a "Forgot password?" link. */
  labelAside?: React.ReactNode;
  id?: string;
  className?: string;
};

/**
 * Label + control + description + error, wired for assistive technology (and so Playwright's
 * `getByLabel` finds the control): the label targets the control by id and by aria-labelledby
 * (which also names radix controls that are not labelable elements, such as a radio group),
 * the description and error are referenced by aria-describedby, and aria-invalid marks errors.
 */
export function FormField({ label, children, description, error, hint, labelAside, id, className }: FormFieldProps) {
  const autoId = useId();
  const controlId = id ?? `field-${autoId}`;
  const labelId = `${controlId}-label`;
  const descriptionId = `${controlId}-description`;
  const errorId = `${controlId}-error`;
  const message = errorMessage(error);
  const describedBy = [description ? descriptionId : null, message ? errorId : null].filter(Boolean).join(" ");

  return (
    <div data-slot="form-field" data-invalid={message ? "" : undefined} className={cn("grid gap-1.5", className)}>
      <div className="flex items-baseline justify-between gap-2">
        <Label id={labelId} htmlFor={controlId} className={cn(message && "text-destructive")}>
          {label}
        </Label>
        {hint ? <span className="text-xs text-muted-foreground">{hint}</span> : null}
        {labelAside}
      </div>
      <Slot.Root
        id={controlId}
        aria-labelledby={labelId}
        aria-invalid={message ? true : undefined}
        aria-describedby={describedBy || undefined}
      >
        {children}
      </Slot.Root>
      {description && !message ? (
        <p id={descriptionId} className="text-xs text-muted-foreground">
          {description}
        </p>
      ) : null}
      {description && message ? (
        <p id={descriptionId} className="sr-only">
          {description}
        </p>
      ) : null}
      {message ? (
        <p id={errorId} className="text-xs font-medium text-destructive" role="alert">
          {message}
        </p>
      ) : null}
    </div>
  );
}

/** A form-level error or notice above the submit button (for errors that belong to no field). */
export function FormMessage({ className, children }: { className?: string; children?: React.ReactNode }) {
  if (!children) return null;
  return (
    <p role="alert" className={cn("text-sm font-medium text-destructive", className)}>
      {children}
    </p>
  );
}
