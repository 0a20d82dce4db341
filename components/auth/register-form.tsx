"use client";

import { zodResolver } from "@hookform/resolvers/zod";
import { Clapperboard, Globe2 } from "lucide-react";
import { useRouter } from "next/navigation";
import { signIn } from "next-auth/react";
import { useTranslations } from "next-intl";
import { useState } from "react";
import { Controller, type FieldPath, useForm } from "react-hook-form";
import { toast } from "sonner";
import { CountrySelect } from "@/components/common/country-select";
import { useFieldError } from "@/components/forms/use-field-error";
import { Alert, AlertDescription } from "@/components/ui/alert";
import { Button } from "@/components/ui/button";
import { FormField } from "@/components/ui/form-field";
import { Input } from "@/components/ui/input";
import { Link } from "@/components/ui/link";
import { RadioCard, RadioGroup } from "@/components/ui/radio-group";
import { type RegisterInput, registerSchema } from "@/lib/auth/schema";

export type RegisterResult = { ok: true } | { ok: false; fieldErrors?: Record<string, string[]>; reason?: string };

export type RegisterFormProps = {
  /** Server action: validates with registerSchema again and creates the user and organisation. */
  action: (input: RegisterInput) => Promise<RegisterResult>;
};

const FIELD_PATHS = [
  "name",
  "email",
  "password",
  "organization.name",
  "organization.kind",
  "organization.homeCountry",
] as const satisfies readonly FieldPath<RegisterInput>[];

function isFieldPath(path: string): path is (typeof FIELD_PATHS)[number] {
  return (FIELD_PATHS as readonly string[]).includes(path);
}

export function RegisterForm({ action }: RegisterFormProps) {
  const t = useTranslations("auth");
  const fieldError = useFieldError("validation");
  const router = useRouter();
  const [formError, setFormError] = useState<string | null>(null);
  const [redirecting, setRedirecting] = useState(false);
  const form = useForm({
    resolver: zodResolver(registerSchema),
    // Validate as the user types. Not on blur: an error appearing on blur moves the submit button
    // between mousedown and mouseup, and the click that caused the blur is lost.
    mode: "onChange",
    defaultValues: {
      name: "",
      email: "",
      password: "",
      organization: { name: "", kind: undefined, homeCountry: "" },
    },
  });
  const { errors, isSubmitting } = form.formState;

  const onSubmit = form.handleSubmit(async (values) => {
    setFormError(null);
    let result: RegisterResult;
    try {
      result = await action(values);
    } catch {
      setFormError(t("register.errors.generic"));
      return;
    }
    if (!result.ok) {
      let placed = false;
      for (const [path, messages] of Object.entries(result.fieldErrors ?? {})) {
        if (isFieldPath(path) && messages[0]) {
          form.setError(path, { type: "server", message: messages[0] }, { shouldFocus: !placed });
          placed = true;
        }
      }
      if (result.reason === "EMAIL_TAKEN") {
        form.setError("email", { type: "server", message: t("register.errors.EMAIL_TAKEN") }, { shouldFocus: true });
      } else if (result.reason === "RATE_LIMITED") {
        setFormError(t("register.errors.RATE_LIMITED"));
      } else if (!placed) {
        setFormError(t("register.errors.generic"));
      }
      return;
    }

    setRedirecting(true);
    const signedIn = await signIn("credentials", { email: values.email, password: values.password, redirect: false }).catch(
      () => undefined,
    );
    if (!signedIn || signedIn.error) {
      toast.info(t("register.signInFailed"));
      router.push("/login");
      return;
    }
    router.push("/dashboard");
    router.refresh();
  });

  const busy = isSubmitting || redirecting;

  return (
    <form onSubmit={onSubmit} noValidate className="grid gap-6">
      {formError ? (
        <Alert variant="destructive">
          <AlertDescription>{formError}</AlertDescription>
        </Alert>
      ) : null}

      <fieldset className="grid gap-4">
        <legend className="mb-3 text-xs font-semibold tracking-wider text-muted-foreground uppercase">{t("register.sectionYou")}</legend>
        <FormField label={t("fields.name")} error={fieldError("name", errors.name)}>
          <Input autoComplete="name" placeholder={t("fields.namePlaceholder")} autoFocus {...form.register("name")} />
        </FormField>
        <FormField label={t("fields.email")} error={fieldError("email", errors.email)}>
          <Input
            type="email"
            autoComplete="email"
            inputMode="email"
            placeholder={t("fields.emailPlaceholder")}
            {...form.register("email")}
          />
        </FormField>
        <FormField
          label={t("fields.password")}
          description={t("register.passwordDescription")}
          error={fieldError("password", errors.password)}
        >
          <Input type="password" autoComplete="new-password" {...form.register("password")} />
        </FormField>
      </fieldset>

      <fieldset className="grid gap-4">
        <legend className="mb-3 text-xs font-semibold tracking-wider text-muted-foreground uppercase">
          {t("register.sectionOrganization")}
        </legend>
        <FormField label={t("fields.organizationName")} error={fieldError("organizationName", errors.organization?.name)}>
          <Input
            autoComplete="organization"
            placeholder={t("fields.organizationNamePlaceholder")}
            {...form.register("organization.name")}
          />
        </FormField>
        <Controller
          control={form.control}
          name="organization.kind"
          render={({ field }) => (
            <FormField label={t("fields.kind")} error={fieldError("kind", errors.organization?.kind)}>
              <RadioGroup
                ref={field.ref}
                name={field.name}
                value={field.value ?? ""}
                onValueChange={(kind) => {
                  field.onChange(kind);
                  field.onBlur();
                }}
                className="grid-cols-1"
              >
                <RadioCard
                  value="STUDIO"
                  icon={<Clapperboard />}
                  title={t("register.kindStudio")}
                  description={t("register.kindStudioDescription")}
                />
                <RadioCard
                  value="PARTNER"
                  icon={<Globe2 />}
                  title={t("register.kindPartner")}
                  description={t("register.kindPartnerDescription")}
                />
              </RadioGroup>
            </FormField>
          )}
        />
        <Controller
          control={form.control}
          name="organization.homeCountry"
          render={({ field }) => (
            <FormField
              label={t("fields.homeCountry")}
              description={t("fields.homeCountryDescription")}
              error={fieldError("homeCountry", errors.organization?.homeCountry)}
            >
              <CountrySelect ref={field.ref} name={field.name} value={field.value} onValueChange={field.onChange} onBlur={field.onBlur} />
            </FormField>
          )}
        />
      </fieldset>

      <div className="grid gap-3">
        <Button type="submit" size="lg" className="w-full" loading={busy}>
          {busy ? t("register.submitting") : t("register.submit")}
        </Button>
        <p className="text-center text-xs text-muted-foreground">{t("register.terms")}</p>
        <p className="text-center text-sm text-muted-foreground">
          {t("register.haveAccount")}{" "}
          <Link href="/login" className="font-medium text-primary hover:underline">
            {t("register.login")}
          </Link>
        </p>
      </div>
    </form>
  );
}
