"use client";

import { History, Save, TriangleAlert } from "lucide-react";
import { useTranslations } from "next-intl";
import { useRef, useState } from "react";
import { useForm, useWatch } from "react-hook-form";
import { fieldsNamed } from "@/components/forms/field-errors";
import { FormAlert } from "@/components/forms/form-alert";
import { SelectField } from "@/components/forms/select-field";
import { useActionForm } from "@/components/forms/use-action-form";
import { useFieldError } from "@/components/forms/use-field-error";
import { Button } from "@/components/ui/button";
import { Card, CardContent, CardDescription, CardFooter, CardHeader, CardTitle } from "@/components/ui/card";
import { FormField } from "@/components/ui/form-field";
import { Link } from "@/components/ui/link";
import type { ActionResult } from "@/lib/actions/result";
import type { BelowExposureRefusal } from "@/lib/facility/actions";
import type { FacilitySettingsView } from "@/lib/facility/queries";
import { type FacilitySettingsInput, facilitySettingsSchema } from "@/lib/facility/schema";
import { useFormat } from "@/lib/i18n/use-format";
import type { Money } from "@/lib/money/money";
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
  saveAction: (
    input: FacilitySettingsInput,
    acknowledgeBelowExposure?: boolean,
  ) => Promise<ActionResult<{ belowExposure: boolean }> | BelowExposureRefusal>;
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
  // A capacity below exposure waits for the admin's confirmation, with both amounts.
  const [below, setBelow] = useState<{ payload: FacilitySettingsInput; capacity: Money; exposure: Money } | null>(null);
  const sent = useRef<FacilitySettingsInput | null>(null);
  const action = useActionForm<Values, ActionResult<{ belowExposure: boolean }> | BelowExposureRefusal>({
    fields: { form, at: fieldsNamed(FIELDS, formField) },
    reasons: { STALE_UPDATE: t("stale") },
    onRefused: (refusal) => {
      if (refusal.reason !== "CAPACITY_BELOW_EXPOSURE" || !sent.current || !("capacity" in refusal)) return false;
      setBelow({ payload: sent.current, capacity: refusal.capacity, exposure: refusal.exposure });
      return true;
    },
  });

  const save = (payload: FacilitySettingsInput, acknowledge: boolean) =>
    action.submit(() => saveAction(payload, acknowledge), {
      success: (data) => (data.belowExposure ? t("savedBelowExposure") : t("saved")),
      onSuccess: () => {
        setBelow(null);
        form.reset(form.getValues());
      },
    });
  const onSubmit = form.handleSubmit((payload) => {
    setBelow(null);
    sent.current = payload;
    return save(payload, false);
  });

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
      {below ? (
        <div
          role="alert"
          className="grid gap-3 rounded-lg border border-warning/50 bg-warning/10 p-4 text-sm"
          data-testid="capacity-below-exposure-confirm"
        >
          <p className="flex items-start gap-2 font-medium">
            <TriangleAlert className="mt-0.5 size-4 shrink-0" aria-hidden />
            {t("belowExposure.question", { capacity: f.money(below.capacity), exposure: f.money(below.exposure) })}
          </p>
          <p className="text-muted-foreground">{t("belowExposure.effect")}</p>
          <div className="flex flex-wrap gap-2">
            <Button type="button" variant="destructive" loading={action.pending} onClick={() => save(below.payload, true)}>
              {t("belowExposure.confirm")}
            </Button>
            <Button type="button" variant="outline" onClick={() => setBelow(null)}>
              {t("belowExposure.cancel")}
            </Button>
          </div>
        </div>
      ) : null}
      <FormAlert messages={action.formError} />
    </form>
  );
}
