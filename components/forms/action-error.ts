"use client";

import { useRouter } from "next/navigation";
import { useTranslations } from "next-intl";
import { toast } from "sonner";
import type { ActionResult } from "@/lib/actions/result";
import { isErrorCode } from "@/lib/api/error-codes";
import { callAction } from "./call-action";
import { useErrorText } from "./use-error-text";

/** Reasons a server action may answer with that have their own message in the UI language. */
const KNOWN = [
  "UNAUTHENTICATED",
  "FORBIDDEN",
  "NOT_FOUND",
  "LAST_OWNER",
  "ALREADY_MEMBER",
  "EXPIRED",
  "WRONG_ACCOUNT",
  "VALIDATION_FAILED",
  "RATE_LIMITED",
  "EMAIL_NOT_VERIFIED",
  "USER_REQUIRED",
  "COOLING_PERIOD",
  "INVALID_TOKEN",
] as const;
type KnownReason = (typeof KNOWN)[number];

function isKnown(reason: string): reason is KnownReason {
  return (KNOWN as readonly string[]).includes(reason);
}

/**
 * Server actions answer `{ ok: false, reason, message }` with an English `message` (the same text
 * the API sends). The UI shows its own translation of the reason instead, or a generic message.
 */
export function useActionError() {
  const t = useTranslations("actionErrors");
  const errorText = useErrorText();
  return (result: { reason?: string; params?: unknown } | null | undefined): string => {
    const reason = result?.reason;
    if (reason && isKnown(reason)) return t(reason);
    return isErrorCode(reason) ? errorText({ code: reason, params: result?.params }) : t("generic");
  };
}

/**
 * Runs a server action from a button: a translated error toast on failure, a success toast and a
 * refresh on success. Answers false on failure, which keeps a ConfirmDialog open.
 */
export function useRunAction() {
  const actionError = useActionError();
  const router = useRouter();
  return async (run: () => Promise<ActionResult<unknown>>, successMessage: string, options: { refreshOnError?: boolean } = {}) => {
    const result = await callAction(run);
    if (!result.ok) {
      toast.error(actionError(result));
      if (options.refreshOnError) router.refresh();
      return false;
    }
    toast.success(successMessage);
    router.refresh();
    return true;
  };
}
