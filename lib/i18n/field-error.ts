"use client";

import { useTranslations } from "next-intl";
import type { FieldError } from "react-hook-form";
import type en from "@/messages/en.json";

export type ValidationField = keyof (typeof en)["validation"];

/**
 * Turns a react-hook-form error into text in the UI language. Client-side zod messages are English
 * (the schemas are shared with the API), so each field shows its translated rule instead; errors the
 * server attached with `setError(..., { type: "server" })` are shown as sent.
 */
export function useFieldError() {
  const t = useTranslations("validation");
  return (field: ValidationField, error: FieldError | undefined): string | undefined => {
    if (!error) return undefined;
    if (error.type === "server" && error.message) return error.message;
    return t(field);
  };
}
