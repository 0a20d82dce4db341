"use client";

import { zodResolver } from "@hookform/resolvers/zod";
import { PencilLine, Plus, Trash2 } from "lucide-react";
import { useTranslations } from "next-intl";
import { Controller, useFieldArray, useForm } from "react-hook-form";
import type { TerritoryOption } from "@/components/deals/options";
import { TerritoryPicker } from "@/components/deals/pickers";
import { fieldsMatching } from "@/components/forms/field-errors";
import { FormDialog, useFormDialog } from "@/components/forms/form-dialog";
import { SimpleSelect } from "@/components/forms/select-field";
import { useActionForm } from "@/components/forms/use-action-form";
import { useFieldError } from "@/components/forms/use-field-error";
import { Button } from "@/components/ui/button";
import { FormField } from "@/components/ui/form-field";
import { Input } from "@/components/ui/input";
import { Textarea } from "@/components/ui/textarea";
import type { ActionResult } from "@/lib/actions/result";
import { METRICS } from "@/lib/programmes/rules";
import {
  formFieldOf,
  type ProgrammeFormInput,
  type ProgrammeFormValues,
  programmeFormSchema,
  programmeFromForm,
} from "@/lib/programmes/schema";

const EMPTY: ProgrammeFormValues = {
  nameEn: "",
  nameZh: "",
  descriptionEn: "",
  descriptionZh: "",
  currency: "CNY",
  budget: "",
  opensOn: "",
  closesOn: "",
  lookbackMonths: 12,
  targetTerritories: [],
  criteria: [],
  receiptsMatchPct: "10",
  perVersionBonus: "0.00",
  perMarketTestBonus: "0.00",
  capPerApplication: "",
};

/** Creates a programme, or edits one nobody has applied to yet (`initial` + `version`). */
export function ProgrammeFormDialog({
  territories,
  initial,
  save,
}: {
  territories: TerritoryOption[];
  initial?: ProgrammeFormValues;
  save: (input: ProgrammeFormInput) => Promise<ActionResult<{ id: string }>>;
}) {
  const t = useTranslations("programmes.form");
  const fieldError = useFieldError("programmes.validation", { ruleOf: (path) => path.split(".").at(-1) ?? path });
  const form = useForm<ProgrammeFormValues>({ resolver: zodResolver(programmeFormSchema), defaultValues: initial ?? EMPTY });
  const criteria = useFieldArray({ control: form.control, name: "criteria" });
  const action = useActionForm<ProgrammeFormValues>({
    fields: { form, at: fieldsMatching([/./], (path) => formFieldOf(path) ?? path), text: fieldError.server },
  });
  const dialog = useFormDialog(action, () => form.reset(initial ?? EMPTY));
  const errors = form.formState.errors;
  const currency = (form.watch("currency") || "").toUpperCase();

  const onSubmit = form.handleSubmit((values) =>
    action.submit(() => save(programmeFromForm(programmeFormSchema.parse(values))), {
      success: initial ? t("saved") : t("created"),
      onSuccess: dialog.close,
    }),
  );

  const text = (name: "nameEn" | "nameZh", label: string) => (
    <FormField label={label} error={fieldError(name, errors[name])}>
      <Input maxLength={200} {...form.register(name)} />
    </FormField>
  );
  const money = (name: "budget" | "perVersionBonus" | "perMarketTestBonus" | "capPerApplication", label: string) => (
    <FormField label={t("moneyLabel", { label, currency })} error={fieldError(name, errors[name])}>
      <Input inputMode="decimal" {...form.register(name)} />
    </FormField>
  );

  return (
    <FormDialog
      trigger={
        initial ? (
          <Button variant="outline">
            <PencilLine aria-hidden />
            {t("edit")}
          </Button>
        ) : (
          <Button>
            <Plus aria-hidden />
            {t("new")}
          </Button>
        )
      }
      {...dialog.props}
      title={initial ? t("editTitle") : t("newTitle")}
      description={t("description")}
      className="max-w-3xl max-h-[90vh] overflow-y-auto"
      onSubmit={onSubmit}
      submitLabel={initial ? t("save") : t("create")}
    >
      <div className="grid gap-4 sm:grid-cols-2">
        {text("nameEn", t("nameEn"))}
        {text("nameZh", t("nameZh"))}
        <FormField label={t("descriptionEn")} error={fieldError("descriptionEn", errors.descriptionEn)}>
          <Textarea rows={2} maxLength={4000} {...form.register("descriptionEn")} />
        </FormField>
        <FormField label={t("descriptionZh")} error={fieldError("descriptionZh", errors.descriptionZh)}>
          <Textarea rows={2} maxLength={4000} {...form.register("descriptionZh")} />
        </FormField>
        <FormField label={t("currency")} error={fieldError("currency", errors.currency)}>
          <Input maxLength={3} className="uppercase" {...form.register("currency")} />
        </FormField>
        {money("budget", t("budget"))}
        <FormField label={t("opensOn")} error={fieldError("opensOn", errors.opensOn)}>
          <Input type="date" {...form.register("opensOn")} />
        </FormField>
        <FormField label={t("closesOn")} error={fieldError("closesOn", errors.closesOn)}>
          <Input type="date" {...form.register("closesOn")} />
        </FormField>
        <FormField label={t("lookbackMonths")} description={t("lookbackHint")} error={fieldError("lookbackMonths", errors.lookbackMonths)}>
          <Input type="number" min={1} max={36} {...form.register("lookbackMonths")} />
        </FormField>
        <Controller
          control={form.control}
          name="targetTerritories"
          render={({ field }) => (
            <FormField label={t("targetTerritories")} description={t("targetHint")} error={fieldError.at(errors, "targetTerritories")}>
              <TerritoryPicker territories={territories} value={field.value} onValueChange={field.onChange} onBlur={field.onBlur} />
            </FormField>
          )}
        />
      </div>
      <fieldset className="grid gap-3 rounded-lg border p-3">
        <legend className="px-1 text-sm font-medium">{t("criteria")}</legend>
        <p className="text-xs text-muted-foreground">{t("criteriaHint")}</p>
        {criteria.fields.map((row, i) => (
          <div key={row.id} className="grid grid-cols-[1fr_10rem_auto] items-end gap-2" data-testid="criterion-row">
            <Controller
              control={form.control}
              name={`criteria.${i}.metric`}
              render={({ field }) => (
                <FormField label={t("metric")} error={fieldError.at(errors, `criteria.${i}.metric`)}>
                  <SimpleSelect
                    value={field.value}
                    onValueChange={field.onChange}
                    options={METRICS.map((m) => ({ value: m, label: t(`metrics.${m}`) }))}
                  />
                </FormField>
              )}
            />
            <FormField label={t("min")} error={fieldError.at(errors, `criteria.${i}.min`)}>
              <Input inputMode="decimal" {...form.register(`criteria.${i}.min`)} />
            </FormField>
            <Button type="button" variant="ghost" size="icon" aria-label={t("removeCriterion")} onClick={() => criteria.remove(i)}>
              <Trash2 aria-hidden />
            </Button>
          </div>
        ))}
        {criteria.fields.length < METRICS.length ? (
          <Button
            type="button"
            variant="outline"
            size="sm"
            className="justify-self-start"
            onClick={() => {
              const used = new Set(form.getValues("criteria").map((c) => c.metric));
              criteria.append({ metric: METRICS.find((m) => !used.has(m)) ?? "FOREIGN_RECEIPTS", min: "" });
            }}
          >
            <Plus aria-hidden />
            {t("addCriterion")}
          </Button>
        ) : null}
      </fieldset>
      <fieldset className="grid gap-4 rounded-lg border p-3 sm:grid-cols-2">
        <legend className="px-1 text-sm font-medium">{t("award")}</legend>
        <p className="text-xs text-muted-foreground sm:col-span-2">{t("awardHint")}</p>
        <FormField label={t("receiptsMatchPct")} error={fieldError("receiptsMatchPct", errors.receiptsMatchPct)}>
          <Input inputMode="decimal" {...form.register("receiptsMatchPct")} />
        </FormField>
        {money("perVersionBonus", t("perVersionBonus"))}
        {money("perMarketTestBonus", t("perMarketTestBonus"))}
        {money("capPerApplication", t("capPerApplication"))}
      </fieldset>
    </FormDialog>
  );
}
