"use client";

import { FileUp, Save, Send, TriangleAlert, X } from "lucide-react";
import { useRouter } from "next/navigation";
import { useTranslations } from "next-intl";
import { useMemo, useRef, useState } from "react";
import { useForm, useWatch } from "react-hook-form";
import { toast } from "sonner";
import { useActionError } from "@/components/forms/action-error";
import { callAction } from "@/components/forms/call-action";
import { fieldsNamed } from "@/components/forms/field-errors";
import { FormAlert } from "@/components/forms/form-alert";
import { SelectField } from "@/components/forms/select-field";
import { useActionForm } from "@/components/forms/use-action-form";
import { useFieldError } from "@/components/forms/use-field-error";
import { useHydrated } from "@/components/forms/use-hydrated";
import { Alert, AlertDescription, AlertTitle } from "@/components/ui/alert";
import { Button } from "@/components/ui/button";
import { Card, CardContent, CardDescription, CardFooter, CardHeader, CardTitle } from "@/components/ui/card";
import { FormField } from "@/components/ui/form-field";
import { Textarea } from "@/components/ui/textarea";
import type { ActionResult } from "@/lib/actions/result";
import { type AdvanceApplicationInput, advanceApplicationSchema } from "@/lib/facility/schema";
import { useFormat } from "@/lib/i18n/use-format";
import { parseAmount, percentOf } from "@/lib/money/money";
import { DOCUMENT_LIMITS, documentProblem, uploadDocument } from "./documents";
import { AmountInput, cleanNumber, formField, schemaResolver } from "./form-parts";
import { EligibleBaseBreakdown, LimitsTable } from "./limits-panel";
import { exponentOf, fromMinor } from "./money";
import { previewLimits } from "./preview";
import type { EligibilityView, Money } from "./types";

/** A deal the studio may apply against, with its eligibility for an amount of 0 (null: no FX rate). */
export type EligibleDealOption = {
  id: string;
  name: string;
  currency: string;
  licensee: { id: string; name: string; countryName: string };
  mgContracted: Money | null;
  mgReceived: Money | null;
  eligibility: EligibilityView | null;
};

export type FacilityTermsView = {
  name: string;
  currency: string;
  maxPerDeal: Money;
  advanceRatePct: string;
  maxPerLicenseePct: string;
  feePct: string;
};

type Values = { dealId: string; amount: string; purpose: string };
const FIELDS = ["dealId", "amount", "purpose"] as const;

export type ApplicationFormProps = {
  deals: EligibleDealOption[];
  facility: FacilityTermsView;
  initial?: { advanceId: string; dealId: string; amount: string; purpose: string };
  defaultDealId?: string;
  /** Creates the draft (or saves the open one) and answers its id. */
  saveAction: (advanceId: string | null, input: AdvanceApplicationInput) => Promise<ActionResult<{ id: string }>>;
  submitAction: (advanceId: string) => Promise<ActionResult<unknown>>;
};

/**
 * "Apply for an advance": one of the studio's signed cross-border deals, an amount in the
 * facility currency and a purpose. The eligible base and every limit are shown with their numbers
 * before anything is sent, and follow the amount as it is typed.
 */
export function ApplicationForm({ deals, facility, initial, defaultDealId, saveAction, submitAction }: ApplicationFormProps) {
  const t = useTranslations("facility.apply");
  const actionError = useActionError();
  const fieldError = useFieldError("facility.validation");
  const router = useRouter();
  const f = useFormat();
  const hydrated = useHydrated();
  const fileInput = useRef<HTMLInputElement>(null);
  const [files, setFiles] = useState<File[]>([]);
  const [fileError, setFileError] = useState<string | null>(null);
  const [busy, setBusy] = useState<"draft" | "submit" | null>(null);
  const currency = facility.currency;
  const form = useForm<Values, unknown, AdvanceApplicationInput>({
    resolver: schemaResolver(advanceApplicationSchema, (v: Values) => ({
      dealId: v.dealId,
      amount: { amount: cleanNumber(v.amount), currency },
      purpose: v.purpose,
    })),
    mode: "onTouched",
    defaultValues: {
      dealId: initial?.dealId ?? (defaultDealId && deals.some((d) => d.id === defaultDealId) ? defaultDealId : (deals[0]?.id ?? "")),
      amount: initial?.amount ?? "",
      purpose: initial?.purpose ?? "",
    },
  });
  const { errors } = form.formState;
  const action = useActionForm({ fields: { form, at: fieldsNamed(FIELDS, formField) } });
  const [dealId, amount] = useWatch({ control: form.control, name: ["dealId", "amount"] });
  const deal = deals.find((d) => d.id === dealId);
  const live = useMemo(() => (deal?.eligibility ? previewLimits(deal.eligibility, amount) : null), [deal, amount]);
  const entered = useMemo(() => {
    const minor = parseAmount(cleanNumber(amount), exponentOf(facility.maxPerDeal));
    if (minor === null || minor <= 0n) return null;
    const fee = percentOf(minor, facility.feePct);
    return { fee: fromMinor(fee, facility.maxPerDeal), owed: fromMinor(minor + fee, facility.maxPerDeal) };
  }, [amount, facility.maxPerDeal, facility.feePct]);

  function pick(list: FileList | null) {
    setFileError(null);
    const next = [...files];
    for (const file of Array.from(list ?? [])) {
      const problem = documentProblem(file);
      if (problem) {
        setFileError(t(`documents.${problem}`, { name: file.name }));
        continue;
      }
      if (next.length >= DOCUMENT_LIMITS.maxFiles) {
        setFileError(t("documents.tooMany", { max: DOCUMENT_LIMITS.maxFiles }));
        break;
      }
      next.push(file);
    }
    setFiles(next);
    if (fileInput.current) fileInput.current.value = "";
  }

  async function run(mode: "draft" | "submit", payload: AdvanceApplicationInput) {
    setBusy(mode);
    try {
      const saved = await action.submit(() => saveAction(initial?.advanceId ?? null, payload), { refresh: false });
      if (!saved.ok) return;
      const id = saved.data.id;
      for (const file of files) {
        const problem = await uploadDocument(id, file);
        if (problem) {
          toast.error(
            problem === "generic" ? t("documents.uploadFailed", { name: file.name }) : t(`documents.${problem}`, { name: file.name }),
          );
          router.push(`/advances/${id}`);
          return;
        }
      }
      if (mode === "submit") {
        const submitted = await callAction(() => submitAction(id));
        if (!submitted.ok) {
          toast.error(actionError(submitted));
          router.push(`/advances/${id}`);
          return;
        }
        toast.success(t("submitted"));
      } else toast.success(t("draftSaved"));
      router.push(`/advances/${id}`);
      router.refresh();
    } finally {
      setBusy(null);
    }
  }

  const saveDraft = form.handleSubmit((payload) => run("draft", payload));
  const submit = form.handleSubmit((payload) => run("submit", payload));

  return (
    <form onSubmit={submit} noValidate className="grid gap-6">
      <Card>
        <CardHeader>
          <CardTitle>{t("dealTitle")}</CardTitle>
          <CardDescription>{t("dealDescription", { facility: facility.name, currency })}</CardDescription>
        </CardHeader>
        <CardContent className="grid gap-5">
          <SelectField
            control={form.control}
            name="dealId"
            label={t("deal")}
            description={t("dealHint")}
            error={fieldError("dealId", errors.dealId)}
            className="max-w-2xl"
            disabled={!hydrated || Boolean(initial)}
            placeholder={t("chooseDeal")}
            options={deals.map((d) => ({ value: d.id, label: `${d.name} · ${d.licensee.name} (${d.licensee.countryName})` }))}
          />
          {deal ? (
            <dl className="grid gap-3 text-sm sm:grid-cols-3" data-testid="deal-summary">
              <div>
                <dt className="text-xs text-muted-foreground">{t("licensee")}</dt>
                <dd className="font-medium">
                  {deal.licensee.name} · {deal.licensee.countryName}
                </dd>
              </div>
              <div>
                <dt className="text-xs text-muted-foreground">{t("mgContracted")}</dt>
                <dd className="font-medium tabular-nums">{deal.mgContracted ? f.money(deal.mgContracted) : "—"}</dd>
              </div>
              <div>
                <dt className="text-xs text-muted-foreground">{t("mgReceived")}</dt>
                <dd className="font-medium tabular-nums">{deal.mgReceived ? f.money(deal.mgReceived) : "—"}</dd>
              </div>
            </dl>
          ) : null}
          <div className="grid items-start gap-4 sm:grid-cols-[minmax(0,1fr)_minmax(0,2fr)]">
            <FormField label={t("amount")} description={t("amountHint", { currency })} error={fieldError("amount", errors.amount)}>
              <AmountInput currency={currency} disabled={!hydrated} placeholder="0" {...form.register("amount")} />
            </FormField>
            <FormField label={t("purpose")} description={t("purposeHint")} error={fieldError("purpose", errors.purpose)}>
              <Textarea rows={3} disabled={!hydrated} placeholder={t("purposePlaceholder")} {...form.register("purpose")} />
            </FormField>
          </div>
        </CardContent>
      </Card>

      <Card data-testid="eligibility-preview">
        <CardHeader>
          <CardTitle>{t("eligibilityTitle")}</CardTitle>
          <CardDescription>{t("eligibilityDescription")}</CardDescription>
        </CardHeader>
        <CardContent className="grid gap-5">
          {!deal ? (
            <p className="text-sm text-muted-foreground">{t("chooseDealFirst")}</p>
          ) : !live ? (
            <Alert variant="warning">
              <TriangleAlert aria-hidden />
              <AlertTitle>{t("noRateTitle")}</AlertTitle>
              <AlertDescription>{t("noRate", { from: deal.currency, to: currency })}</AlertDescription>
            </Alert>
          ) : (
            <>
              <EligibleBaseBreakdown eligibility={live} />
              <LimitsTable eligibility={live} label={t("limitsLabel")} />
              {entered ? (
                live.ok ? (
                  <Alert variant="success" data-testid="eligibility-verdict">
                    <AlertDescription>
                      {t("withinLimits", { pct: f.percent(facility.feePct), fee: f.money(entered.fee), owed: f.money(entered.owed) })}
                    </AlertDescription>
                  </Alert>
                ) : (
                  <Alert variant="warning" data-testid="eligibility-verdict">
                    <AlertDescription>{t("overLimits")}</AlertDescription>
                  </Alert>
                )
              ) : null}
            </>
          )}
        </CardContent>
      </Card>

      <Card>
        <CardHeader>
          <CardTitle>{t("documents.title")}</CardTitle>
          <CardDescription>
            {t("documents.description", { max: DOCUMENT_LIMITS.maxMb, count: DOCUMENT_LIMITS.maxFiles, types: DOCUMENT_LIMITS.label })}
          </CardDescription>
        </CardHeader>
        <CardContent className="grid gap-3">
          {files.length > 0 ? (
            <ul className="grid gap-2" aria-label={t("documents.chosen")}>
              {files.map((file, i) => (
                <li
                  key={`${file.name}-${file.size}-${file.lastModified}`}
                  className="flex items-center justify-between gap-3 rounded-lg border px-3 py-2 text-sm"
                >
                  <span className="min-w-0 truncate">{file.name}</span>
                  <span className="flex items-center gap-2 text-xs text-muted-foreground tabular-nums">
                    {f.number(Math.max(1, Math.round(file.size / 1024)))} KB
                    <Button
                      type="button"
                      variant="ghost"
                      size="icon"
                      aria-label={t("documents.remove", { name: file.name })}
                      onClick={() => setFiles(files.filter((_, j) => j !== i))}
                    >
                      <X aria-hidden />
                    </Button>
                  </span>
                </li>
              ))}
            </ul>
          ) : null}
          {hydrated ? (
            <input
              ref={fileInput}
              type="file"
              multiple
              accept={DOCUMENT_LIMITS.accept}
              className="sr-only"
              tabIndex={-1}
              aria-hidden
              data-testid="documents-input"
              onChange={(e) => pick(e.target.files)}
            />
          ) : null}
          <div>
            <Button type="button" variant="outline" size="sm" disabled={!hydrated} onClick={() => fileInput.current?.click()}>
              <FileUp aria-hidden />
              {t("documents.add")}
            </Button>
          </div>
          {fileError ? (
            <p className="text-xs font-medium text-destructive" role="alert">
              {fileError}
            </p>
          ) : null}
        </CardContent>
        <CardFooter className="flex-col items-stretch gap-3 sm:flex-row sm:items-center sm:justify-between">
          <p className="text-xs text-muted-foreground">{t("nextStep")}</p>
          <div className="flex flex-wrap gap-2">
            <Button type="button" variant="outline" onClick={saveDraft} loading={busy === "draft"} disabled={!hydrated || busy !== null}>
              {busy === "draft" ? null : <Save aria-hidden />}
              {t("saveDraft")}
            </Button>
            <Button type="submit" loading={busy === "submit"} disabled={!hydrated || busy !== null}>
              {busy === "submit" ? null : <Send aria-hidden />}
              {t("submit")}
            </Button>
          </div>
        </CardFooter>
      </Card>
      <FormAlert messages={action.formError} />
    </form>
  );
}
