"use client";

import { useTranslations } from "next-intl";
import type * as React from "react";
import { useForm } from "react-hook-form";
import { fieldsNamed } from "@/components/forms/field-errors";
import { FormDialog, useFormDialog } from "@/components/forms/form-dialog";
import { type Refusal, useActionForm } from "@/components/forms/use-action-form";
import { useFieldError } from "@/components/forms/use-field-error";
import { Button } from "@/components/ui/button";
import { FormField } from "@/components/ui/form-field";
import { Textarea } from "@/components/ui/textarea";

type Values = { reason: string };

/** The button that opens each step's dialog; its title, reason label and confirm button are `<step>Title` etc. */
const TRIGGER = { decline: "decline", default: "markDefault" } as const;

/**
 * A destructive step on an advance that needs a written reason: declining it, or marking it
 * defaulted. The texts are the step's own in `facility.actions`.
 */
export function ReasonDialog({
  step,
  icon,
  description,
  success,
  submit,
}: {
  step: keyof typeof TRIGGER;
  icon: React.ReactNode;
  description: string;
  success: string;
  submit: (reason: string) => Promise<{ ok: true; data: unknown } | Refusal>;
}) {
  const t = useTranslations("facility.actions");
  const fieldError = useFieldError("facility.validation");
  const form = useForm<Values>({ defaultValues: { reason: "" } });
  const action = useActionForm<Values>({ fields: { form, at: fieldsNamed(["reason"]) } });
  const dialog = useFormDialog(action, () => form.reset({ reason: "" }));

  const onSubmit = form.handleSubmit(async ({ reason }) => {
    if (reason.trim() === "") return form.setError("reason", { type: "required" });
    await action.submit(() => submit(reason.trim()), { success, onSuccess: dialog.close });
  });

  return (
    <FormDialog
      trigger={
        <Button variant="outline-destructive">
          {icon}
          {t(TRIGGER[step])}
        </Button>
      }
      {...dialog.props}
      title={t(`${step}Title`)}
      description={description}
      onSubmit={onSubmit}
      submitLabel={t(`${step}Confirm`)}
      submitVariant="destructive"
    >
      <FormField label={t(`${step}Reason`)} error={fieldError("reason", form.formState.errors.reason)}>
        <Textarea rows={4} maxLength={2000} {...form.register("reason")} />
      </FormField>
    </FormDialog>
  );
}
