"use client";

import { Check, Copy } from "lucide-react";
import { useTranslations } from "next-intl";
import { useState } from "react";
import { Button, type ButtonProps } from "@/components/ui/button";

export type CopyButtonProps = Omit<ButtonProps, "onClick" | "children"> & {
  value: string;
  /** Visible text; defaults to "Copy". The icon alone is used when `iconOnly`. */
  label?: string;
  iconOnly?: boolean;
};

/** Copies `value` and confirms in place for two seconds (no toast needed for a copy). */
export function CopyButton({ value, label, iconOnly = false, variant = "outline", size, ...props }: CopyButtonProps) {
  const t = useTranslations("common.actions");
  const [copied, setCopied] = useState(false);
  const text = copied ? t("copied") : (label ?? t("copy"));

  async function copy() {
    await navigator.clipboard.writeText(value);
    setCopied(true);
    setTimeout(() => setCopied(false), 2000);
  }

  return (
    <Button
      type="button"
      variant={variant}
      size={size ?? (iconOnly ? "icon-sm" : "sm")}
      onClick={copy}
      aria-label={iconOnly ? text : undefined}
      {...props}
    >
      {copied ? <Check className="text-success" aria-hidden /> : <Copy aria-hidden />}
      {iconOnly ? null : <span aria-live="polite">{text}</span>}
    </Button>
  );
}
