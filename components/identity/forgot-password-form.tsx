"use client";

import { zodResolver } from "@hookform/resolvers/zod";
import { MailCheck } from "lucide-react";
import { useTranslations } from "next-intl";
import { useState } from "react";
import { useForm } from "react-hook-form";
import { fieldsNamed } from "@/components/forms/field-errors";
import { FormAlert } from "@/components/forms/form-alert";
import { useActionForm } from "@/components/forms/use-action-form";
import { useFieldError } from "@/components/forms/use-field-error";
import { useHydrated } from "@/components/forms/use-hydrated";
import { Alert, AlertDescription } from "@/components/ui/alert";
import { Button } from "@/components/ui/button";
import { FormField } from "@/components/ui/form-field";
import { Input } from "@/components/ui/input";
import { Link } from "@/components/ui/link";
import type { ActionResult } from "@/lib/actions/result";
import { type PasswordResetRequestInput, passwordResetRequestSchema } from "@/lib/auth/schema";

/** Asks for a reset link; the answer is the same whether or not the address has an account. */
export function ForgotPasswordForm({
  requestAction,
}: {
  requestAction: (input: PasswordResetRequestInput) => Promise<ActionResult<{ email: string }>>;
}) {
  const t = useTranslations("identity.forgot");
  const tAuth = useTranslations("auth");
  const fieldError = useFieldError("validation");
  const hydrated = useHydrated();
  const [sentTo, setSentTo] = useState<string | null>(null);
  const form = useForm({ resolver: zodResolver(passwordResetRequestSchema), defaultValues: { email: "" }, mode: "onSubmit" });
  const action = useActionForm({
    fields: { form, at: fieldsNamed(["email"]), text: () => undefined },
    reasons: { RATE_LIMITED: t("rateLimited") },
  });
  const onSubmit = form.handleSubmit((values) =>
    action.submit(() => requestAction(values), { refresh: false, onSuccess: (data) => setSentTo(data.email) }),
  );

  if (sentTo) {
    return (
      <div className="grid gap-4" data-testid="reset-link-sent">
        <Alert variant="success">
          <MailCheck aria-hidden />
          <AlertDescription>{t("sent", { email: sentTo })}</AlertDescription>
        </Alert>
        <Button asChild variant="outline" size="lg" className="w-full">
          <Link href="/login">{t("backToLogin")}</Link>
        </Button>
      </div>
    );
  }
  return (
    <form onSubmit={onSubmit} noValidate className="grid gap-4">
      <FormAlert messages={action.formError} />
      <FormField label={tAuth("fields.email")} error={fieldError("email", form.formState.errors.email)}>
        <Input type="email" autoComplete="username" inputMode="email" autoFocus disabled={!hydrated} {...form.register("email")} />
      </FormField>
      <Button type="submit" size="lg" className="w-full" disabled={!hydrated} loading={action.pending}>
        {action.pending ? t("submitting") : t("submit")}
      </Button>
      <p className="text-center text-sm">
        <Link href="/login" className="font-medium text-primary hover:underline">
          {t("backToLogin")}
        </Link>
      </p>
    </form>
  );
}
