"use client";

import { zodResolver } from "@hookform/resolvers/zod";
import Link from "next/link";
import { useRouter } from "next/navigation";
import { signIn } from "next-auth/react";
import { useTranslations } from "next-intl";
import { useState } from "react";
import { useForm } from "react-hook-form";
import { toast } from "sonner";
import { useActionError } from "@/components/common/action-error";
import { Alert, AlertDescription } from "@/components/ui/alert";
import { Button } from "@/components/ui/button";
import { FormField } from "@/components/ui/form-field";
import { Input } from "@/components/ui/input";
import type { ActionResult } from "@/lib/actions/result";
import { type RegisterInvitedInput, registerInvitedSchema } from "@/lib/auth/schema";
import { useFieldError } from "@/lib/i18n/field-error";

export type InvitedRegisterFormProps = {
  token: string;
  /** The invited address: the account is created with it, so it is shown, not asked for. */
  email: string;
  /** Server action (registerInvitedAction): creates the account and joins the inviting organisation. */
  action: (input: RegisterInvitedInput) => Promise<ActionResult<{ email: string; organizationId: string }>>;
};

/** Sign-up from an invitation: name and password only; the account joins the organisation that invited it. */
export function InvitedRegisterForm({ token, email, action }: InvitedRegisterFormProps) {
  const t = useTranslations("invitations.signUp");
  const tAuth = useTranslations("auth");
  const actionError = useActionError();
  const fieldError = useFieldError();
  const router = useRouter();
  const [failure, setFailure] = useState<{ text: string; login?: boolean } | null>(null);
  const [redirecting, setRedirecting] = useState(false);
  const form = useForm({
    resolver: zodResolver(registerInvitedSchema),
    mode: "onChange",
    defaultValues: { token, name: "", password: "" },
  });
  const { errors, isSubmitting } = form.formState;
  const invitationPath = `/invite/${encodeURIComponent(token)}`;

  const onSubmit = form.handleSubmit(async (values) => {
    setFailure(null);
    const result = await action(values).catch(() => null);
    if (!result?.ok) {
      if (result?.reason === "EMAIL_TAKEN") {
        setFailure({ text: t("emailTaken"), login: true });
      } else if (result?.fieldErrors?.name || result?.fieldErrors?.password) {
        if (result.fieldErrors.name) form.setError("name", { type: "validate" }, { shouldFocus: true });
        if (result.fieldErrors.password) form.setError("password", { type: "validate" }, { shouldFocus: !result.fieldErrors.name });
      } else {
        setFailure({ text: actionError(result ?? undefined) });
        // Expired or revoked meanwhile: the page shows the invitation's current state.
        if (result?.reason === "NOT_FOUND" || result?.reason === "EXPIRED") router.refresh();
      }
      return;
    }
    setRedirecting(true);
    const signedIn = await signIn("credentials", { email: result.data.email, password: values.password, redirect: false }).catch(
      () => undefined,
    );
    if (!signedIn || signedIn.error) {
      toast.info(tAuth("register.signInFailed"));
      router.push("/login");
      return;
    }
    router.push("/dashboard");
    router.refresh();
  });

  const busy = isSubmitting || redirecting;
  return (
    <form onSubmit={onSubmit} noValidate className="grid gap-4">
      {failure ? (
        <Alert variant="destructive">
          <AlertDescription>
            {failure.text}{" "}
            {failure.login ? (
              <Link href={`/login?callbackUrl=${encodeURIComponent(invitationPath)}`} className="font-medium underline">
                {tAuth("register.login")}
              </Link>
            ) : null}
          </AlertDescription>
        </Alert>
      ) : null}
      <FormField label={tAuth("fields.email")} description={t("emailFixed")}>
        <Input type="email" value={email} readOnly autoComplete="username" className="bg-muted/50" />
      </FormField>
      <FormField label={tAuth("fields.name")} error={fieldError("name", errors.name)}>
        <Input autoComplete="name" placeholder={tAuth("fields.namePlaceholder")} autoFocus {...form.register("name")} />
      </FormField>
      <FormField
        label={tAuth("fields.password")}
        description={tAuth("register.passwordDescription")}
        error={fieldError("password", errors.password)}
      >
        <Input type="password" autoComplete="new-password" {...form.register("password")} />
      </FormField>
      <Button type="submit" size="lg" className="mt-1 w-full" loading={busy}>
        {busy ? t("submitting") : t("submit")}
      </Button>
    </form>
  );
}
