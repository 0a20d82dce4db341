"use client";

import { zodResolver } from "@hookform/resolvers/zod";
import { MailCheck, Send, UserPlus } from "lucide-react";
import { useTranslations } from "next-intl";
import { useState } from "react";
import { useForm } from "react-hook-form";
import { fieldsNamed } from "@/components/forms/field-errors";
import { FormDialog, useFormDialog } from "@/components/forms/form-dialog";
import { SelectField } from "@/components/forms/select-field";
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
  inviteAction: (input: InviteInput) => Promise<ActionResult<{ email: string }>>;
};

/**
 * Invites by e-mail. The link goes only to the invited address (holding it proves the mailbox),
 * so the inviter sees "sent to …", never the link.
 */
export function InviteMemberDialog({ assignableRoles, inviteAction }: InviteMemberDialogProps) {
  const t = useTranslations("members.invite");
  const tRole = useTranslations("role");
  const tRoleDescription = useTranslations("roleDescription");
  const tErrors = useTranslations("members.errors");
  const tActions = useTranslations("common.actions");
  const fieldError = useFieldError("validation");
  const [created, setCreated] = useState<{ email: string } | null>(null);
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
      submitIcon={<Send aria-hidden />}
      pendingLabel={t("submitting")}
      done={
        created ? (
          <div className="grid gap-4" data-testid="invitation-sent">
            <div className="flex items-start gap-3">
              <span className="flex size-9 shrink-0 items-center justify-center rounded-full bg-muted">
                <MailCheck className="size-4" aria-hidden />
              </span>
              <div className="grid gap-1">
                <p className="font-medium">{t("created.title")}</p>
                <p className="text-sm text-muted-foreground">{t("created.description", { email: created.email })}</p>
              </div>
            </div>
            <div className="flex justify-end gap-2">
              <Button variant="ghost" onClick={reset}>
                {t("created.another")}
              </Button>
              <Button onClick={dialog.close}>{tActions("done")}</Button>
            </div>
          </div>
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
