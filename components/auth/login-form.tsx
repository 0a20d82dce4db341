"use client";

import { zodResolver } from "@hookform/resolvers/zod";
import { useRouter } from "next/navigation";
import { signIn } from "next-auth/react";
import { useTranslations } from "next-intl";
import { useState } from "react";
import { useForm } from "react-hook-form";
import { useFieldError } from "@/components/forms/use-field-error";
import { Alert, AlertDescription } from "@/components/ui/alert";
import { Button } from "@/components/ui/button";
import { FormField } from "@/components/ui/form-field";
import { Input } from "@/components/ui/input";
import { Link } from "@/components/ui/link";
import { loginSchema } from "@/lib/auth/schema";
import { safeCallbackUrl } from "@/lib/http/safe-callback";

export type LoginFormProps = {
  /** Where to go after logging in (from `?callbackUrl=`); only same-origin paths are followed. */
  callbackUrl?: string | null;
  /** A notice to show before the first attempt, e.g. after a revoked session. */
  notice?: string;
};

type Failure = "credentials" | "rateLimited" | "network";

export function LoginForm({ callbackUrl, notice }: LoginFormProps) {
  const t = useTranslations("auth");
  const tCommon = useTranslations("common.errors");
  const tForgot = useTranslations("identity.forgot");
  const fieldError = useFieldError("validation");
  const router = useRouter();
  const [failure, setFailure] = useState<Failure | null>(null);
  const [redirecting, setRedirecting] = useState(false);
  const form = useForm({
    resolver: zodResolver(loginSchema),
    defaultValues: { email: "", password: "" },
    // Check on submit, then as the user corrects: a login form that complains on blur is noise.
    mode: "onSubmit",
    reValidateMode: "onChange",
  });
  const { errors, isSubmitting } = form.formState;

  const onSubmit = form.handleSubmit(async ({ email, password }) => {
    setFailure(null);
    let res: Awaited<ReturnType<typeof signIn>>;
    try {
      res = await signIn("credentials", { email, password, redirect: false });
    } catch {
      setFailure("network");
      return;
    }
    if (!res || res.error) {
      // The credentials provider turns the rate limiter's refusal into this error code.
      setFailure(res?.error === "RATE_LIMITED" ? "rateLimited" : "credentials");
      form.resetField("password");
      form.setFocus("password");
      return;
    }
    setRedirecting(true);
    router.push(safeCallbackUrl(callbackUrl, window.location.origin));
    router.refresh();
  });

  const failureText =
    failure === "rateLimited"
      ? t("login.rateLimited")
      : failure === "credentials"
        ? t("login.wrongCredentials")
        : failure === "network"
          ? tCommon("network")
          : null;

  return (
    <form onSubmit={onSubmit} noValidate className="grid gap-4">
      {failureText ? (
        <Alert variant="destructive" data-testid="login-error">
          <AlertDescription>{failureText}</AlertDescription>
        </Alert>
      ) : notice ? (
        <Alert variant="info">
          <AlertDescription className="text-accent-foreground">{notice}</AlertDescription>
        </Alert>
      ) : null}
      <FormField label={t("fields.email")} error={fieldError("email", errors.email)}>
        <Input
          type="email"
          autoComplete="username"
          inputMode="email"
          autoFocus
          placeholder={t("fields.emailPlaceholder")}
          {...form.register("email")}
        />
      </FormField>
      <FormField label={t("fields.password")} error={fieldError("passwordRequired", errors.password)}>
        <Input type="password" autoComplete="current-password" {...form.register("password")} />
      </FormField>
      <p className="-mt-2 text-right text-sm">
        <Link href="/forgot-password" className="text-primary hover:underline">
          {tForgot("link")}
        </Link>
      </p>
      <Button type="submit" size="lg" className="mt-1 w-full" loading={isSubmitting || redirecting}>
        {isSubmitting || redirecting ? t("login.submitting") : t("login.submit")}
      </Button>
      <p className="text-center text-sm text-muted-foreground">
        {t("login.noAccount")}{" "}
        <Link href="/register" className="font-medium text-primary hover:underline">
          {t("login.createAccount")}
        </Link>
      </p>
    </form>
  );
}
