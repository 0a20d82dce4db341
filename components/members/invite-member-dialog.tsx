"use client";

import { zodResolver } from "@hookform/resolvers/zod";
import { Link2, UserPlus } from "lucide-react";
import { useTranslations } from "next-intl";
import { useState } from "react";
import { useForm } from "react-hook-form";
import { fieldsNamed } from "@/components/forms/field-errors";
import { FormDialog, useFormDialog } from "@/components/forms/form-dialog";
import { SelectField } from "@/components/forms/select-field";
import { ShownOnce } from "@/components/forms/shown-once";
import { useActionForm } from "@/components/forms/use-action-form";
import { useFieldError } from "@/components/forms/use-field-error";
import { Button } from "@/components/ui/button";
import { FormField } from "@/components/ui/form-field";
import { Input } from "@/components/ui/input";
import type { ActionResult } from "@/lib/actions/result";
import { type InviteInput, inviteSchema, type RoleName } from "@/lib/orgs/schema";

export type InviteMemberDialogProps = {
  /** Roles the current user may give (an admin cannot create owners). */
  assignableRoles: RoleName[];
  /** Server action (inviteMemberAction). */
  inviteAction: (input: InviteInput) => Promise<ActionResult<{ url: string; email: string }>>;
};

/**
 * Invites by email and shows the invitation link to pass on: Rightsbridge sends no email yet,
 * and the link cannot be shown again later because only its hash is stored.
 */
export function InviteMemberDialog({ assignableRoles, inviteAction }: InviteMemberDialogProps) {
  const t = useTranslations("members.invite");
  const tRole = useTranslations("role");
  const tRoleDescription = useTranslations("roleDescription");
  const tErrors = useTranslations("members.errors");
  const tActions = useTranslations("common.actions");
  const fieldError = useFieldError("validation");
  const [created, setCreated] = useState<{ url: string; email: string } | null>(null);
  const defaultRole: RoleName = assignableRoles.includes("MEMBER") ? "MEMBER" : (assignableRoles[0] ?? "VIEWER");
  const form = useForm({
    resolver: zodResolver(inviteSchema),
    mode: "onSubmit",
    reValidateMode: "onChange",
    defaultValues: { email: "", role: defaultRole },
  });
  const action = useActionForm({
    // The server's wording is English; the field shows its rule in the UI language instead.
    fields: { form, at: fieldsNamed(["email", "role"]), text: () => undefined },
    onRefused: (refusal) => {
      if (refusal.reason === "ALREADY_MEMBER") {
        form.setError("email", { type: "server", message: tErrors("ALREADY_MEMBER") }, { shouldFocus: true });
        return true;
      }
      if (refusal.reason === "FORBIDDEN" && form.getValues("role") === "OWNER") {
        action.setFormError(tErrors("OWNER_ONLY"));
        return true;
      }
      return false;
    },
  });
  const { errors } = form.formState;

  function reset() {
    form.reset({ email: "", role: defaultRole });
    setCreated(null);
    action.clear();
  }

  // Start from an empty form each time; the last link stays visible while the dialog closes.
  const dialog = useFormDialog(action, reset);

  const onSubmit = form.handleSubmit((values) =>
    action.submit(() => inviteAction(values), {
      success: (data) => t("created.toast", { email: data.email }),
      onSuccess: setCreated,
    }),
  );

  return (
    <FormDialog
      trigger={
        <Button>
          <UserPlus aria-hidden />
          {t("button")}
        </Button>
      }
      {...dialog.props}
      title={t("title")}
      description={t("description")}
      onSubmit={onSubmit}
      errorFirst
      submitLabel={t("submit")}
      submitIcon={<Link2 aria-hidden />}
      pendingLabel={t("submitting")}
      done={
        created ? (
          <ShownOnce
            title={t("created.title")}
            description={t("created.description", { email: created.email })}
            label={t("created.link")}
            value={created.url}
            copyLabel={t("created.copy")}
            doneLabel={tActions("done")}
            onDone={dialog.close}
            another={
              <Button variant="ghost" onClick={reset}>
                {t("created.another")}
              </Button>
            }
          />
        ) : null
      }
    >
      <FormField label={t("email")} error={fieldError("email", errors.email)}>
        <Input
          type="email"
          autoComplete="off"
          inputMode="email"
          placeholder={t("emailPlaceholder")}
          autoFocus
          {...form.register("email")}
        />
      </FormField>
      <SelectField
        control={form.control}
        name="role"
        label={t("role")}
        description={tRoleDescription(form.watch("role"))}
        error={fieldError("role", errors.role)}
        options={assignableRoles.map((role) => ({ value: role, label: tRole(role) }))}
      />
    </FormDialog>
  );
}
