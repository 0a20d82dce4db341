"use client";

import { Plus, Trash2 } from "lucide-react";
import type * as React from "react";
import { Button } from "@/components/ui/button";

/** Removes one row of a line editor (an instalment, a holdback, an award); `label` names the row. */
export function RemoveRowButton({
  label,
  onClick,
  size = "icon",
  className,
  disabled,
}: {
  label: string;
  onClick: () => void;
  size?: "icon" | "icon-sm";
  className?: string;
  disabled?: boolean;
}) {
  return (
    <Button type="button" variant="ghost" size={size} className={className} onClick={onClick} aria-label={label} disabled={disabled}>
      <Trash2 aria-hidden />
    </Button>
  );
}

/** Adds a row to a line editor. */
export function AddRowButton({ onClick, disabled, children }: { onClick: () => void; disabled?: boolean; children: React.ReactNode }) {
  return (
    <Button type="button" variant="outline" size="sm" onClick={onClick} disabled={disabled}>
      <Plus aria-hidden />
      {children}
    </Button>
  );
}
