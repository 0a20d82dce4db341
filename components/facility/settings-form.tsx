"use client";

import { History, Save } from "lucide-react";
import Link from "next/link";
import { useTranslations } from "next-intl";
import { useForm, useWatch } from "react-hook-form";
import { fieldsNamed } from "@/components/forms/field-errors";
import { FormAlert } from "@/components/forms/form-alert";
import { SelectField } from "@/components/forms/select-field";
import { useActionForm } from "@/components/forms/use-action-form";
import { useFieldError } from "@/components/forms/use-field-error";
import { Button } from "@/components/ui/button";
import { Card, CardContent, CardDescription, CardFooter, CardHeader, CardTitle } from "@/components/ui/card";
import { FormField } from "@/components/ui/form-field";
import type { ActionResult } from "@/lib/actions/result";
import type { FacilitySettingsView } from "@/lib/facility/queries";
import { type FacilitySettingsInput, facilitySettingsSchema } from "@/lib/facility/schema";
import { useFormat } from "@/lib/i18n/use-format";
import { AmountInput, cleanNumber, formField, PercentInput, schemaResolver } from "./form-parts";

type Values = {
  currency: string;
  capacity: string;
  advanceRatePct: string;
  maxPerDeal: string;
  maxPerLicenseePct: string;
  feePct: string;
  sweepPct: string;
};

const FIELDS = ["currency", "capacity", "advanceRatePct", "maxPerDeal", "maxPerLicenseePct", "feePct", "sweepPct"] as const;

function toPayload(v: Values) {
  return {
    currency: v.currency,
    capacity: { amount: cleanNumber(v.capacity), currency: v.currency },
    advanceRatePct: cleanNumber(v.advanceRatePct),
    maxPerDeal: { amount: cleanNumber(v.maxPerDeal), currency: v.currency },
    maxPerLicenseePct: cleanNumber(v.maxPerLicenseePct),
    feePct: cleanNumber(v.feePct),
    sweepPct: cleanNumber(v.sweepPct),
  };
}

/**
 * The facility's terms: currency, capacity and the limits every approval is checked against.
 * Read-only for facility members who are not admins; each save is audited.
 */
export function FacilitySettingsForm({
  settings,
  editable,
  currencies,
  hasAdvances,
  saveAction,
}: {
  settings: FacilitySettingsView;
  editable: boolean;
  currencies: { code: string; name: string }[];
  /** Advances exist, so the currency is fixed (their amounts are in it). */
  hasAdvances: boolean;
  saveAction: (input: FacilitySettingsInput) => Promise<ActionResult<unknown>>;
}) {
  const t = useTranslations("facility.settings");
  const fieldError = useFieldError("facility.validation");
  const f = useFormat();
  const form = useForm<Values, unknown, FacilitySettingsInput>({
    resolver: schemaResolver(facilitySettingsSchema, toPayload),
    mode: "onTouched",
    defaultValues: {
      currency: settings.currency,
      capacity: settings.capacity.amount,
      advanceRatePct: settings.advanceRatePct,
      maxPerDeal: settings.maxPerDeal.amount,
      maxPerLicenseePct: settings.maxPerLicenseePct,
      feePct: settings.feePct,
      sweepPct: settings.sweepPct,
    },
  });
  const { errors, isSubmitting, isDirty } = form.formState;
  const currency = useWatch({ control: form.control, name: "currency" });
  const action = useActionForm({
    fields: { form, at: fieldsNamed(FIELDS, formField) },
    reasons: { STALE_UPDATE: t("stale") },
  });

  const onSubmit = form.handleSubmit((payload) =>
    action.submit(() => saveAction(payload), { success: t("saved"), onSuccess: () => form.reset(form.getValues()) }),
  );

  const disabled = !editable;
  return (
    <form onSubmit={onSubmit} noValidate className="grid gap-6">
      <Card>
        <CardHeader>
          <CardTitle>{t("termsTitle")}</CardTitle>
          <CardDescription>{editable ? t("termsDescription") : t("readOnly")}</CardDescription>
        </CardHeader>
        <CardContent className="grid gap-5">
          <div className="grid gap-4 sm:grid-cols-3">
            <SelectField
              control={form.control}
              name="currency"
              label={t("currency")}
              description={hasAdvances ? t("currencyFixed") : t("currencyHint")}
              error={fieldError("currency", errors.currency)}
              disabled={disabled || hasAdvances}
              options={currencies.map((c) => ({ value: c.code, label: `${c.code} · ${c.name}` }))}
            />
            <FormField label={t("capacity")} description={t("capacityHint")} error={fieldError("amount", errors.capacity)}>
              <AmountInput currency={currency} disabled={disabled} {...form.register("capacity")} />
            </FormField>
            <FormField label={t("maxPerDeal")} description={t("maxPerDealHint")} error={fieldError("amount", errors.maxPerDeal)}>
              <AmountInput currency={currency} disabled={disabled} {...form.register("maxPerDeal")} />
            </FormField>
          </div>
          <div className="grid gap-4 sm:grid-cols-2 lg:grid-cols-4">
            <FormField label={t("advanceRatePct")} description={t("advanceRateHint")} error={fieldError("percent", errors.advanceRatePct)}>
              <PercentInput disabled={disabled} {...form.register("advanceRatePct")} />
            </FormField>
            <FormField
              label={t("maxPerLicenseePct")}
              description={t("maxPerLicenseeHint")}
              error={fieldError("percent", errors.maxPerLicenseePct)}
            >
              <PercentInput disabled={disabled} {...form.register("maxPerLicenseePct")} />
            </FormField>
            <FormField label={t("feePct")} description={t("feeHint")} error={fieldError("percent", errors.feePct)}>
              <PercentInput disabled={disabled} {...form.register("feePct")} />
            </FormField>
            <FormField label={t("sweepPct")} description={t("sweepHint")} error={fieldError("percent", errors.sweepPct)}>
              <PercentInput disabled={disabled} {...form.register("sweepPct")} />
            </FormField>
          </div>
          <p className="text-xs text-muted-foreground">{t("constrainsNewOnly")}</p>
        </CardContent>
        <CardFooter className="flex-col items-stretch gap-3 sm:flex-row sm:items-center sm:justify-between">
          <span className="flex flex-wrap items-center gap-x-3 gap-y-1 text-xs text-muted-foreground">
            {settings.updatedAt ? <span>{t("lastChanged", { date: f.dateTime(settings.updatedAt) })}</span> : null}
            {editable ? (
              <Link href="/settings/audit-log?entityType=Facility" className="inline-flex items-center gap-1 text-primary hover:underline">
                <History className="size-3.5" aria-hidden />
                {t("auditLink")}
              </Link>
            ) : (
              <span>{t("audited")}</span>
            )}
          </span>
          {editable ? (
            <Button type="submit" loading={isSubmitting} disabled={!isDirty}>
              {isSubmitting ? null : <Save aria-hidden />}
              {t("save")}
            </Button>
          ) : null}
        </CardFooter>
      </Card>
      <FormAlert messages={action.formError} />
    </form>
  );
}
