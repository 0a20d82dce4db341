"use client";

import { useLocale, useTranslations } from "next-intl";
import { useCallback } from "react";
import type { ErrorCode, ErrorParams } from "@/lib/api/error-codes";
import { type CodedError, codedErrorText, localizedFieldErrors } from "./field-errors";

/**
 * Says the server's problems (`{ code, params, message }` of a problem body, its `errors[]` items
 * or a server action's refusal) in the viewer's language, from `messages/<locale>/errors.json`.
 */
export function useErrorText() {
  const t = useTranslations("errors");
  const locale = useLocale();
  const say = useCallback((code: ErrorCode, params: ErrorParams) => t(code, params), [t]);
  const text = useCallback((error: CodedError) => codedErrorText(error, say, locale), [say, locale]);
  return Object.assign(text, {
    fields: (errors: readonly CodedError[]) => localizedFieldErrors(errors, say, locale),
  });
}
