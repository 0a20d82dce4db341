"use client";

import { zodResolver } from "@hookform/resolvers/zod";
import { Building2, Plus } from "lucide-react";
import { useTranslations } from "next-intl";
import { useState } from "react";
import { Controller, type FieldPath, useForm } from "react-hook-form";
import type { z } from "zod";
import { CountrySelect } from "@/components/common/country-select";
import { fieldsNamed } from "@/components/forms/field-errors";
import { FormDialog, useFormDialog } from "@/components/forms/form-dialog";
import { ShownOnce } from "@/components/forms/shown-once";
import { useActionForm } from "@/components/forms/use-action-form";
import { useFieldError } from "@/components/forms/use-field-error";
import { Button } from "@/components/ui/button";
import { FormField } from "@/components/ui/form-field";
import { Input } from "@/components/ui/input";
import { RadioCard, RadioGroup } from "@/components/ui/radio-group";
import type { ActionResult } from "@/lib/actions/result";
import { createOrganizationSchema, ORG_KINDS, type OrgKind } from "@/lib/orgs/schema";

type CreateOrganizationInput = z.input<typeof createOrganizationSchema>;

export type CreateOrganizationDialogProps = {
  /** Server action (createOrganizationAction). */
  createAction: (input: CreateOrganizationInput) => Promise<ActionResult<{ id: string; invitationUrl: string | null }>>;
};

const FIELDS = ["name", "kind", "homeCountry", "ownerEmail"] as const satisfies readonly FieldPath<CreateOrganizationInput>[];

/**
 * Platform admins create organisations of any kind (facilities and platform organisations can't
 * sign up). An owner without an account gets an invitation link, shown here because no email is sent.
 */
export function CreateOrganizationDialog({ createAction }: CreateOrganizationDialogProps) {
  const t = useTranslations("organizations.create");
  const tKind = useTranslations("orgKind");
  const tKindDescription = useTranslations("orgKindDescription");
  const tActions = useTranslations("common.actions");
  const fieldError = useFieldError("validation");
  const [invitation, setInvitation] = useState<{ url: string; email: string; organization: string } | null>(null);
  const form = useForm<CreateOrganizationInput, unknown, z.output<typeof createOrganizationSchema>>({
    resolver: zodResolver(createOrganizationSchema),
    mode: "onSubmit",
    reValidateMode: "onChange",
    defaultValues: { name: "", kind: "FACILITY" as OrgKind, homeCountry: "", ownerEmail: "" },
  });
  // The server's wording is English; each field shows its rule in the UI language instead.
  const action = useActionForm({ fields: { form, at: fieldsNamed(FIELDS), text: () => undefined } });
  const { errors } = form.formState;

  const dialog = useFormDialog(action, undefined, () => {
    setInvitation(null);
    form.reset();
  });

  const onSubmit = form.handleSubmit((values) => {
    const organization = values.name.trim();
    const email = values.ownerEmail.trim().toLowerCase();
    return action.submit(() => createAction(values), {
      success: (data) => (data.invitationUrl ? undefined : t("createdWithOwner", { organization, email })),
      onSuccess: (data) => (data.invitationUrl ? setInvitation({ url: data.invitationUrl, email, organization }) : dialog.close()),
    });
  });

  return (
    <FormDialog
      trigger={
        <Button>
          <Plus aria-hidden />
          {t("button")}
        </Button>
      }
      {...dialog.props}
      title={t("title")}
      description={t("description")}
      className="max-w-xl"
      onSubmit={onSubmit}
      errorFirst
      submitLabel={t("submit")}
      submitIcon={<Building2 aria-hidden />}
      pendingLabel={t("submitting")}
      done={
        invitation ? (
          <ShownOnce
            title={t("invitationTitle")}
            description={t("invitationDescription", { email: invitation.email, organization: invitation.organization })}
            label={t("link")}
            value={invitation.url}
            copyLabel={t("copy")}
            doneLabel={tActions("done")}
            onDone={dialog.close}
          />
        ) : null
      }
    >
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
            <CountrySelect ref={field.ref} name={field.name} value={field.value} onValueChange={field.onChange} onBlur={field.onBlur} />
          </FormField>
        )}
      />
      <FormField label={t("ownerEmail")} description={t("ownerEmailDescription")} error={fieldError("email", errors.ownerEmail)}>
        <Input type="email" autoComplete="off" inputMode="email" {...form.register("ownerEmail")} />
      </FormField>
    </FormDialog>
  );
}
