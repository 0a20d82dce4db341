"use client";

import { zodResolver } from "@hookform/resolvers/zod";
import { FlaskConical } from "lucide-react";
import { useRouter } from "next/navigation";
import { useTranslations } from "next-intl";
import { useState } from "react";
import { Controller, useForm } from "react-hook-form";
import { toast } from "sonner";
import type { z } from "zod";
import { useActionError } from "@/components/common/action-error";
import { CountrySelect } from "@/components/common/country-select";
import { SimpleSelect } from "@/components/common/simple-select";
import { Alert, AlertDescription } from "@/components/ui/alert";
import { Button } from "@/components/ui/button";
import { Dialog, DialogContent, DialogDescription, DialogFooter, DialogHeader, DialogTitle, DialogTrigger } from "@/components/ui/dialog";
import { FormField } from "@/components/ui/form-field";
import { Input } from "@/components/ui/input";
import { Textarea } from "@/components/ui/textarea";
import type { ActionResult } from "@/lib/actions/result";
import { createMarketTestSchema, MARKET_TEST_METHODS } from "@/lib/catalogue/schema";
import { useCatalogueErrors } from "./field-errors";
import { useHydrated } from "./use-hydrated";

type FormInput = z.input<typeof createMarketTestSchema>;
type FormOutput = z.output<typeof createMarketTestSchema>;

const FIELDS = ["territory", "date", "audienceSize", "score", "method", "notes"];
const toInt = (v: unknown) => (v === "" || v === null || v === undefined ? undefined : Number(v));

/** Today in the viewer's own calendar (the server accepts up to a day ahead of UTC). */
function today(): string {
  const now = new Date();
  return `${now.getFullYear()}-${String(now.getMonth() + 1).padStart(2, "0")}-${String(now.getDate()).padStart(2, "0")}`;
}

export type MarketTestDialogProps = {
  titleId: string;
  versionId: string;
  versionName: string;
  createAction: (titleId: string, versionId: string, input: unknown) => Promise<ActionResult<{ id: string }>>;
};

export function MarketTestDialog(props: MarketTestDialogProps) {
  const t = useTranslations("catalogue.marketTestForm");
  const [open, setOpen] = useState(false);
  const [instance, setInstance] = useState(0);
  const hydrated = useHydrated();
  return (
    <Dialog
      open={open}
      onOpenChange={(next) => {
        if (next) setInstance((n) => n + 1);
        setOpen(next);
      }}
    >
      <DialogTrigger asChild>
        <Button variant="outline" size="sm" disabled={!hydrated} aria-label={t("addNamed", { name: props.versionName })}>
          <FlaskConical aria-hidden />
          {t("add")}
        </Button>
      </DialogTrigger>
      <DialogContent className="max-w-lg">
        <MarketTestForm key={instance} {...props} onDone={() => setOpen(false)} />
      </DialogContent>
    </Dialog>
  );
}

function MarketTestForm({ titleId, versionId, versionName, createAction, onDone }: MarketTestDialogProps & { onDone: () => void }) {
  const t = useTranslations("catalogue.marketTestForm");
  const tMethod = useTranslations("catalogue.methods");
  const tActions = useTranslations("common.actions");
  const router = useRouter();
  const errorsText = useCatalogueErrors();
  const actionError = useActionError();
  const err = errorsText.text;
  const [formError, setFormError] = useState<string | null>(null);
  const form = useForm<FormInput, unknown, FormOutput>({
    resolver: zodResolver(createMarketTestSchema),
    // The dialog focuses its first field: validating on blur would flag it before anything was typed.
    mode: "onSubmit",
    reValidateMode: "onChange",
    defaultValues: { territory: "", date: today(), method: "SCREENING", notes: "" },
  });
  const { errors, isSubmitting } = form.formState;

  const onSubmit = form.handleSubmit(async () => {
    setFormError(null);
    const result = await createAction(titleId, versionId, form.getValues()).catch(() => null);
    if (!result) {
      setFormError(actionError(undefined));
      return;
    }
    if (!result.ok) {
      const orphans = errorsText.applyServerErrors(form, result.fieldErrors, FIELDS);
      if (!result.fieldErrors || orphans.length > 0) setFormError(orphans[0] ?? actionError(result));
      return;
    }
    toast.success(t("created"));
    onDone();
    router.refresh();
  });

  return (
    <form onSubmit={onSubmit} noValidate className="grid gap-4">
      <DialogHeader>
        <DialogTitle>{t("title")}</DialogTitle>
        <DialogDescription>{t("description", { name: versionName })}</DialogDescription>
      </DialogHeader>
      <div className="grid items-start gap-4 sm:grid-cols-2">
        <Controller
          control={form.control}
          name="territory"
          render={({ field }) => (
            <FormField label={t("fields.territory")} error={err("territory", errors.territory)}>
              <CountrySelect ref={field.ref} value={field.value} onValueChange={field.onChange} onBlur={field.onBlur} />
            </FormField>
          )}
        />
        <FormField label={t("fields.date")} error={err("date", errors.date)}>
          <Input type="date" max={today()} {...form.register("date")} />
        </FormField>
        <FormField label={t("fields.audienceSize")} error={err("audienceSize", errors.audienceSize)}>
          <Input type="number" inputMode="numeric" min={1} {...form.register("audienceSize", { setValueAs: toInt })} />
        </FormField>
        <FormField label={t("fields.score")} description={t("fields.scoreHint")} error={err("score", errors.score)}>
          <Input type="number" inputMode="numeric" min={0} max={100} {...form.register("score", { setValueAs: toInt })} />
        </FormField>
        <Controller
          control={form.control}
          name="method"
          render={({ field }) => (
            <FormField label={t("fields.method")} error={err("method", errors.method)} className="sm:col-span-2">
              <SimpleSelect
                ref={field.ref}
                name={field.name}
                value={field.value}
                onValueChange={field.onChange}
                onBlur={field.onBlur}
                options={MARKET_TEST_METHODS.map((m) => ({ value: m, label: tMethod(m) }))}
              />
            </FormField>
          )}
        />
        <FormField label={t("fields.notes")} hint={t("optional")} error={err("notes", errors.notes)} className="sm:col-span-2">
          <Textarea rows={3} {...form.register("notes")} />
        </FormField>
      </div>
      {formError ? (
        <Alert variant="destructive">
          <AlertDescription>{formError}</AlertDescription>
        </Alert>
      ) : null}
      <DialogFooter>
        <Button type="button" variant="outline" onClick={onDone}>
          {tActions("cancel")}
        </Button>
        <Button type="submit" loading={isSubmitting}>
          {isSubmitting ? t("saving") : t("submit")}
        </Button>
      </DialogFooter>
    </form>
  );
}
