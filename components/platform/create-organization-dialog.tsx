"use client";

import { zodResolver } from "@hookform/resolvers/zod";
import { Building2, Plus } from "lucide-react";
import { useRouter } from "next/navigation";
import { useTranslations } from "next-intl";
import { useState } from "react";
import { Controller, type FieldPath, useForm } from "react-hook-form";
import { toast } from "sonner";
import type { z } from "zod";
import { useActionError } from "@/components/common/action-error";
import { CopyButton } from "@/components/common/copy-button";
import { CountrySelect } from "@/components/common/country-select";
import { Alert, AlertDescription } from "@/components/ui/alert";
import { Button } from "@/components/ui/button";
import { Dialog, DialogContent, DialogDescription, DialogFooter, DialogHeader, DialogTitle, DialogTrigger } from "@/components/ui/dialog";
import { FormField } from "@/components/ui/form-field";
import { Input } from "@/components/ui/input";
import { RadioCard, RadioGroup } from "@/components/ui/radio-group";
import type { ActionResult } from "@/lib/actions/result";
import { useFieldError } from "@/lib/i18n/field-error";
import { createOrganizationSchema, ORG_KINDS, type OrgKind } from "@/lib/orgs/schema";

type CreateOrganizationInput = z.input<typeof createOrganizationSchema>;

export type CreateOrganizationDialogProps = {
  /** Server action (createOrganizationAction). */
  createAction: (input: CreateOrganizationInput) => Promise<ActionResult<{ id: string; invitationUrl: string | null }>>;
};

const FIELDS = ["name", "kind", "homeCountry", "ownerEmail"] as const satisfies readonly FieldPath<CreateOrganizationInput>[];
const isField = (path: string): path is (typeof FIELDS)[number] => (FIELDS as readonly string[]).includes(path);

/**
 * Platform admins create organisations of any kind (facilities and platform organisations can't
 * sign up). An owner without an account gets an invitation link, shown here because no email is sent.
 */
export function CreateOrganizationDialog({ createAction }: CreateOrganizationDialogProps) {
  const t = useTranslations("organizations.create");
  const tKind = useTranslations("orgKind");
  const tKindDescription = useTranslations("orgKindDescription");
  const tActions = useTranslations("common.actions");
  const actionError = useActionError();
  const fieldError = useFieldError();
  const router = useRouter();
  const [open, setOpen] = useState(false);
  const [invitation, setInvitation] = useState<{ url: string; email: string; organization: string } | null>(null);
  const [formError, setFormError] = useState<string | null>(null);
  const form = useForm<CreateOrganizationInput, unknown, z.output<typeof createOrganizationSchema>>({
    resolver: zodResolver(createOrganizationSchema),
    mode: "onSubmit",
    reValidateMode: "onChange",
    defaultValues: { name: "", kind: "FACILITY" as OrgKind, homeCountry: "", ownerEmail: "" },
  });
  const { errors, isSubmitting } = form.formState;

  function close() {
    setOpen(false);
    setInvitation(null);
    setFormError(null);
    form.reset();
  }

  const onSubmit = form.handleSubmit(async (values) => {
    setFormError(null);
    const result = await createAction(values).catch(() => null);
    if (!result?.ok) {
      let placed = false;
      for (const path of Object.keys(result?.fieldErrors ?? {})) {
        if (isField(path)) {
          form.setError(path, { type: "validate" }, { shouldFocus: !placed });
          placed = true;
        }
      }
      if (!placed) setFormError(actionError(result ?? undefined));
      return;
    }
    router.refresh();
    if (result.data.invitationUrl) {
      setInvitation({ url: result.data.invitationUrl, email: values.ownerEmail.trim().toLowerCase(), organization: values.name.trim() });
    } else {
      toast.success(t("createdWithOwner", { organization: values.name.trim(), email: values.ownerEmail.trim().toLowerCase() }));
      close();
    }
  });

  return (
    <Dialog open={open} onOpenChange={(next) => (next ? setOpen(true) : close())}>
      <DialogTrigger asChild>
        <Button>
          <Plus aria-hidden />
          {t("button")}
        </Button>
      </DialogTrigger>
      <DialogContent className="max-w-xl">
        {invitation ? (
          <>
            <DialogHeader>
              <DialogTitle>{t("invitationTitle")}</DialogTitle>
              <DialogDescription>
                {t("invitationDescription", { email: invitation.email, organization: invitation.organization })}
              </DialogDescription>
            </DialogHeader>
            <FormField label={t("link")}>
              <Input readOnly value={invitation.url} className="font-mono text-xs" onFocus={(e) => e.currentTarget.select()} />
            </FormField>
            <DialogFooter>
              <CopyButton value={invitation.url} label={t("copy")} size="default" />
              <Button onClick={close}>{tActions("done")}</Button>
            </DialogFooter>
          </>
        ) : (
          <form onSubmit={onSubmit} noValidate className="grid gap-4">
            <DialogHeader>
              <DialogTitle>{t("title")}</DialogTitle>
              <DialogDescription>{t("description")}</DialogDescription>
            </DialogHeader>
            {formError ? (
              <Alert variant="destructive">
                <AlertDescription>{formError}</AlertDescription>
              </Alert>
            ) : null}
            <FormField label={t("name")} error={fieldError("organizationName", errors.name)}>
              <Input autoComplete="off" placeholder={t("namePlaceholder")} autoFocus {...form.register("name")} />
            </FormField>
            <Controller
              control={form.control}
              name="kind"
              render={({ field }) => (
                <FormField label={t("kind")} error={fieldError("orgKind", errors.kind)}>
                  <RadioGroup
                    ref={field.ref}
                    name={field.name}
                    value={field.value ?? ""}
                    onValueChange={field.onChange}
                    className="grid-cols-1 sm:grid-cols-2"
                  >
                    {ORG_KINDS.map((kind) => (
                      <RadioCard key={kind} value={kind} title={tKind(kind)} description={tKindDescription(kind)} className="p-3" />
                    ))}
                  </RadioGroup>
                </FormField>
              )}
            />
            <Controller
              control={form.control}
              name="homeCountry"
              render={({ field }) => (
                <FormField label={t("homeCountry")} error={fieldError("homeCountry", errors.homeCountry)}>
                  <CountrySelect
                    ref={field.ref}
                    name={field.name}
                    value={field.value}
                    onValueChange={field.onChange}
                    onBlur={field.onBlur}
                  />
                </FormField>
              )}
            />
            <FormField label={t("ownerEmail")} description={t("ownerEmailDescription")} error={fieldError("email", errors.ownerEmail)}>
              <Input type="email" autoComplete="off" inputMode="email" {...form.register("ownerEmail")} />
            </FormField>
            <DialogFooter>
              <Button type="button" variant="outline" onClick={close}>
                {tActions("cancel")}
              </Button>
              <Button type="submit" loading={isSubmitting}>
                {isSubmitting ? null : <Building2 aria-hidden />}
                {isSubmitting ? t("submitting") : t("submit")}
              </Button>
            </DialogFooter>
          </form>
        )}
      </DialogContent>
    </Dialog>
  );
}
