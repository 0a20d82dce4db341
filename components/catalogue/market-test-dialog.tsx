"use client";

import { zodResolver } from "@hookform/resolvers/zod";
import { FlaskConical } from "lucide-react";
import { useTranslations } from "next-intl";
import { Controller, type DefaultValues, useForm } from "react-hook-form";
import type { z } from "zod";
import { CountrySelect } from "@/components/common/country-select";
import { fieldsNamed } from "@/components/forms/field-errors";
import { FormDialog, useFormDialog } from "@/components/forms/form-dialog";
import { SelectField } from "@/components/forms/select-field";
import { useActionForm } from "@/components/forms/use-action-form";
import { useFieldError } from "@/components/forms/use-field-error";
import { useHydrated } from "@/components/forms/use-hydrated";
import { Button } from "@/components/ui/button";
import { FormField } from "@/components/ui/form-field";
import { Input } from "@/components/ui/input";
import { Textarea } from "@/components/ui/textarea";
import type { ActionResult } from "@/lib/actions/result";
import { createMarketTestSchema, MARKET_TEST_METHODS } from "@/lib/catalogue/schema";
import { catalogueFieldRules, formPath } from "./field-rules";

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

export function MarketTestDialog({ titleId, versionId, versionName, createAction }: MarketTestDialogProps) {
  const t = useTranslations("catalogue.marketTestForm");
  const tMethod = useTranslations("catalogue.methods");
  const hydrated = useHydrated();
  const fieldError = useFieldError("catalogue.validation", catalogueFieldRules);
  const err = fieldError;
  const blank = (): DefaultValues<FormInput> => ({ territory: "", date: today(), method: "SCREENING", notes: "" });
  const form = useForm<FormInput, unknown, FormOutput>({
    resolver: zodResolver(createMarketTestSchema),
    // The dialog focuses its first field: validating on blur would flag it before anything was typed.
    mode: "onSubmit",
    reValidateMode: "onChange",
    defaultValues: blank(),
  });
  const action = useActionForm({ fields: { form, at: fieldsNamed(FIELDS, formPath), text: fieldError.server } });
  const dialog = useFormDialog(action, () => form.reset(blank()));
  const { errors } = form.formState;

  const onSubmit = form.handleSubmit(() =>
    action.submit(() => createAction(titleId, versionId, form.getValues()), { success: t("created"), onSuccess: dialog.close }),
  );

  return (
    <FormDialog
      trigger={
        <Button variant="outline" size="sm" disabled={!hydrated} aria-label={t("addNamed", { name: versionName })}>
          <FlaskConical aria-hidden />
          {t("add")}
        </Button>
      }
      {...dialog.props}
      title={t("title")}
      description={t("description", { name: versionName })}
      onSubmit={onSubmit}
      submitLabel={t("submit")}
      pendingLabel={t("saving")}
    >
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
        <SelectField
          control={form.control}
          name="method"
          label={t("fields.method")}
          error={err("method", errors.method)}
          className="sm:col-span-2"
          options={MARKET_TEST_METHODS.map((m) => ({ value: m, label: tMethod(m) }))}
        />
        <FormField label={t("fields.notes")} hint={t("optional")} error={err("notes", errors.notes)} className="sm:col-span-2">
          <Textarea rows={3} {...form.register("notes")} />
        </FormField>
      </div>
    </FormDialog>
  );
}
