"use client";

import { MailCheck } from "lucide-react";
import { useTranslations } from "next-intl";
import { useState } from "react";
import { FormAlert } from "@/components/forms/form-alert";
import { useActionForm } from "@/components/forms/use-action-form";
import { useHydrated } from "@/components/forms/use-hydrated";
import { Alert, AlertDescription } from "@/components/ui/alert";
import { Button } from "@/components/ui/button";
import { Link } from "@/components/ui/link";
import type { ActionResult } from "@/lib/actions/result";

/** One click uses the token (not the page load: mail scanners open links without a person). */
export function VerifyEmailButton({
  token,
  verifyAction,
}: {
  token: string;
  verifyAction: (input: { token: string }) => Promise<ActionResult<{ email: string }>>;
}) {
  const t = useTranslations("identity.verify");
  const hydrated = useHydrated();
  const [verified, setVerified] = useState<string | null>(null);
  const action = useActionForm({ reasons: { INVALID_TOKEN: t("invalid"), VALIDATION_FAILED: t("invalid") } });

  if (verified) {
    return (
      <div className="grid gap-4" data-testid="email-verified">
        <Alert variant="success">
          <MailCheck aria-hidden />
          <AlertDescription>{t("done", { email: verified })}</AlertDescription>
        </Alert>
        <Button asChild size="lg" className="w-full">
          <Link href="/dashboard">{t("continue")}</Link>
        </Button>
      </div>
    );
  }
  return (
    <div className="grid gap-4">
      <FormAlert messages={action.formError} />
      <Button
        size="lg"
        className="w-full"
        disabled={!hydrated}
        loading={action.pending}
        onClick={() => action.submit(() => verifyAction({ token }), { refresh: false, onSuccess: (data) => setVerified(data.email) })}
      >
        {action.pending ? t("submitting") : t("submit")}
      </Button>
    </div>
  );
}
