"use client";

import { zodResolver } from "@hookform/resolvers/zod";
import { Link2, UserPlus } from "lucide-react";
import { useRouter } from "next/navigation";
import { useTranslations } from "next-intl";
import { useState } from "react";
import { Controller, useForm } from "react-hook-form";
import { toast } from "sonner";
import { useActionError } from "@/components/common/action-error";
import { CopyButton } from "@/components/common/copy-button";
import { SimpleSelect } from "@/components/common/simple-select";
import { Alert, AlertDescription } from "@/components/ui/alert";
import { Button } from "@/components/ui/button";
import { Dialog, DialogContent, DialogDescription, DialogFooter, DialogHeader, DialogTitle, DialogTrigger } from "@/components/ui/dialog";
import { FormField } from "@/components/ui/form-field";
import { Input } from "@/components/ui/input";
import type { ActionResult } from "@/lib/actions/result";
import { useFieldError } from "@/lib/i18n/field-error";
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
  const actionError = useActionError();
  const fieldError = useFieldError();
  const router = useRouter();
  const [open, setOpen] = useState(false);
  const [created, setCreated] = useState<{ url: string; email: string } | null>(null);
  const [formError, setFormError] = useState<string | null>(null);
  const defaultRole: RoleName = assignableRoles.includes("MEMBER") ? "MEMBER" : (assignableRoles[0] ?? "VIEWER");
  const form = useForm({
    resolver: zodResolver(inviteSchema),
    mode: "onSubmit",
    reValidateMode: "onChange",
    defaultValues: { email: "", role: defaultRole },
  });
  const { errors, isSubmitting } = form.formState;

  function reset() {
    form.reset({ email: "", role: defaultRole });
    setCreated(null);
    setFormError(null);
  }

  const onSubmit = form.handleSubmit(async (values) => {
    setFormError(null);
    const result = await inviteAction(values).catch(() => null);
    if (!result) {
      setFormError(actionError(undefined));
      return;
    }
    if (!result.ok) {
      if (result.reason === "ALREADY_MEMBER") {
        form.setError("email", { type: "server", message: tErrors("ALREADY_MEMBER") }, { shouldFocus: true });
        return;
      }
      let placed = false;
      for (const path of Object.keys(result.fieldErrors ?? {})) {
        if (path === "email" || path === "role") {
          // The server's wording is English; the field shows its rule in the UI language instead.
          form.setError(path, { type: "validate" }, { shouldFocus: !placed });
          placed = true;
        }
      }
      if (!placed) setFormError(result.reason === "FORBIDDEN" && values.role === "OWNER" ? tErrors("OWNER_ONLY") : actionError(result));
      return;
    }
    setCreated(result.data);
    toast.success(t("created.toast", { email: result.data.email }));
    router.refresh();
  });

  return (
    <Dialog
      open={open}
      onOpenChange={(next) => {
        // Start from an empty form each time; the last link stays visible while the dialog closes.
        if (next) reset();
        setOpen(next);
      }}
    >
      <DialogTrigger asChild>
        <Button>
          <UserPlus aria-hidden />
          {t("button")}
        </Button>
      </DialogTrigger>
      <DialogContent className="max-w-lg">
        {created ? (
          <>
            <DialogHeader>
              <DialogTitle>{t("created.title")}</DialogTitle>
              <DialogDescription>{t("created.description", { email: created.email })}</DialogDescription>
            </DialogHeader>
            <FormField label={t("created.link")}>
              <Input readOnly value={created.url} className="font-mono text-xs" onFocus={(e) => e.currentTarget.select()} />
            </FormField>
            <DialogFooter className="sm:justify-between">
              <Button variant="ghost" onClick={reset}>
                {t("created.another")}
              </Button>
              <div className="flex flex-col-reverse gap-2 sm:flex-row">
                <CopyButton value={created.url} label={t("created.copy")} size="default" />
                <Button onClick={() => setOpen(false)}>{tActions("done")}</Button>
              </div>
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
            <Controller
              control={form.control}
              name="role"
              render={({ field }) => (
                <FormField label={t("role")} description={tRoleDescription(field.value)} error={fieldError("role", errors.role)}>
                  <SimpleSelect
                    ref={field.ref}
                    name={field.name}
                    value={field.value}
                    onValueChange={field.onChange}
                    onBlur={field.onBlur}
                    options={assignableRoles.map((role) => ({ value: role, label: tRole(role) }))}
                  />
                </FormField>
              )}
            />
            <DialogFooter>
              <Button type="button" variant="outline" onClick={() => setOpen(false)}>
                {tActions("cancel")}
              </Button>
              <Button type="submit" loading={isSubmitting}>
                {isSubmitting ? null : <Link2 aria-hidden />}
                {isSubmitting ? t("submitting") : t("submit")}
              </Button>
            </DialogFooter>
          </form>
        )}
      </DialogContent>
    </Dialog>
  );
}
