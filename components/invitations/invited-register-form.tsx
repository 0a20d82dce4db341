"use client";

import { zodResolver } from "@hookform/resolvers/zod";
import { useRouter } from "next/navigation";
import { signIn } from "next-auth/react";
import { useTranslations } from "next-intl";
import { useState } from "react";
import { useForm } from "react-hook-form";
import { toast } from "sonner";
import { fieldsNamed } from "@/components/forms/field-errors";
import { useActionForm } from "@/components/forms/use-action-form";
import { useFieldError } from "@/components/forms/use-field-error";
import { Alert, AlertDescription } from "@/components/ui/alert";
import { Button } from "@/components/ui/button";
import { FormField } from "@/components/ui/form-field";
import { Input } from "@/components/ui/input";
import { Link } from "@/components/ui/link";
import type { ActionResult } from "@/lib/actions/result";
import { type RegisterInvitedInput, registerInvitedSchema } from "@/lib/auth/schema";

export type InvitedRegisterFormProps = {
  token: string;
  /** The invited address: the account is created with it, so it is shown, not asked for. */
  email: string;
  /** Server action (registerInvitedAction): creates the account and joins the inviting organisation. */
  action: (input: RegisterInvitedInput) => Promise<ActionResult<{ email: string; organizationId: string }>>;
};

/** Sign-up from an invitation: name and password only; the account joins the organisation that invited it. */
export function InvitedRegisterForm({ token, email, action: register }: InvitedRegisterFormProps) {
  const t = useTranslations("invitations.signUp");
  const tAuth = useTranslations("auth");
  const fieldError = useFieldError("validation");
  const router = useRouter();
  const [emailTaken, setEmailTaken] = useState(false);
  const [redirecting, setRedirecting] = useState(false);
  const form = useForm({
    resolver: zodResolver(registerInvitedSchema),
    mode: "onChange",
    defaultValues: { token, name: "", password: "" },
  });
  const action = useActionForm({
    // The server's wording is English; each field shows its rule in the UI language instead.
    fields: { form, at: fieldsNamed(["name", "password"]), text: () => undefined },
    reasons: { EMAIL_TAKEN: t("emailTaken") },
    // Expired or revoked meanwhile: the page shows the invitation's current state.
    refreshOn: ["NOT_FOUND", "EXPIRED"],
  });
  const { errors, isSubmitting } = form.formState;
  const invitationPath = `/invite/${encodeURIComponent(token)}`;

  const onSubmit = form.handleSubmit(async (values) => {
    const result = await action.submit(() => register(values), { refresh: false });
    setEmailTaken(!result.ok && result.reason === "EMAIL_TAKEN");
    if (!result.ok) return;
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
      {action.formError ? (
        <Alert variant="destructive">
          <AlertDescription>
            {action.formError.join(" ")}{" "}
            {emailTaken ? (
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
