"use client";

import { zodResolver } from "@hookform/resolvers/zod";
import { KeyRound } from "lucide-react";
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
import { type PasswordResetConfirmInput, passwordResetConfirmSchema } from "@/lib/auth/schema";

export function ResetPasswordForm({
  token,
  confirmAction,
}: {
  token: string;
  confirmAction: (input: PasswordResetConfirmInput) => Promise<ActionResult<{ email: string }>>;
}) {
  const t = useTranslations("identity.reset");
  const fieldError = useFieldError("validation");
  const hydrated = useHydrated();
  const [done, setDone] = useState(false);
  const [invalid, setInvalid] = useState(false);
  const form = useForm({ resolver: zodResolver(passwordResetConfirmSchema), defaultValues: { token, password: "" }, mode: "onSubmit" });
  const action = useActionForm({
    fields: { form, at: fieldsNamed(["password"]), text: () => undefined },
    onRefused: (refusal) => {
      if (refusal.reason !== "INVALID_TOKEN") return false;
      setInvalid(true);
      return true;
    },
  });
  const onSubmit = form.handleSubmit((values) =>
    action.submit(() => confirmAction(values), { refresh: false, onSuccess: () => setDone(true) }),
  );

  if (done || invalid) {
    return (
      <div className="grid gap-4" data-testid={done ? "password-reset-done" : "password-reset-invalid"}>
        <Alert variant={done ? "success" : "destructive"}>
          <KeyRound aria-hidden />
          <AlertDescription>{done ? t("done") : t("invalid")}</AlertDescription>
        </Alert>
        <Button asChild size="lg" className="w-full">
          <Link href={done ? "/login" : "/forgot-password"}>{done ? t("login") : t("askAgain")}</Link>
        </Button>
      </div>
    );
  }
  return (
    <form onSubmit={onSubmit} noValidate className="grid gap-4">
      <FormAlert messages={action.formError} />
      <FormField label={t("password")} error={fieldError("password", form.formState.errors.password)}>
        <Input type="password" autoComplete="new-password" autoFocus disabled={!hydrated} {...form.register("password")} />
      </FormField>
      <Button type="submit" size="lg" className="w-full" disabled={!hydrated} loading={action.pending}>
        {action.pending ? t("submitting") : t("submit")}
      </Button>
    </form>
  );
}
