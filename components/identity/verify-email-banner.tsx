"use client";

import { MailWarning } from "lucide-react";
import { useTranslations } from "next-intl";
import { useActionForm } from "@/components/forms/use-action-form";
import { useHydrated } from "@/components/forms/use-hydrated";
import { Alert, AlertDescription, AlertTitle } from "@/components/ui/alert";
import { Button } from "@/components/ui/button";
import type { ActionResult } from "@/lib/actions/result";

/** Shown on every page until the signed-in person's address is verified, with "send again". */
export function VerifyEmailBanner({
  email,
  resendAction,
}: {
  email: string;
  resendAction: () => Promise<ActionResult<{ email: string }>>;
}) {
  const t = useTranslations("identity.banner");
  const hydrated = useHydrated();
  const action = useActionForm({ refusalIn: "toast", reasons: { RATE_LIMITED: t("rateLimited") } });
  return (
    <Alert variant="warning" className="mb-6" data-testid="verify-email-banner">
      <MailWarning aria-hidden />
      <AlertTitle>{t("title")}</AlertTitle>
      <AlertDescription>
        <p>{t("description", { email })}</p>
        <Button
          variant="outline"
          size="sm"
          className="mt-2"
          disabled={!hydrated}
          loading={action.pending}
          onClick={() => action.submit(resendAction, { refresh: false, success: (data) => t("sent", { email: data.email }) })}
        >
          {action.pending ? t("resending") : t("resend")}
        </Button>
      </AlertDescription>
    </Alert>
  );
}
