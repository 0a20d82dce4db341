"use client";

import { CheckCircle2, HandCoins } from "lucide-react";
import { useTranslations } from "next-intl";
import { useState } from "react";
import { Controller, type Resolver, useForm, useWatch } from "react-hook-form";
import { useActionError } from "@/components/forms/action-error";
import { fieldsNamed } from "@/components/forms/field-errors";
import { cleanNumber, GroupedInput } from "@/components/forms/grouped-input";
import { useActionForm } from "@/components/forms/use-action-form";
import { useHydrated } from "@/components/forms/use-hydrated";
import { Alert, AlertDescription, AlertTitle } from "@/components/ui/alert";
import { Button } from "@/components/ui/button";
import { Card, CardContent, CardDescription, CardHeader, CardTitle } from "@/components/ui/card";
import { FormField, FormMessage } from "@/components/ui/form-field";
import { Input } from "@/components/ui/input";
import { RadioCard, RadioGroup } from "@/components/ui/radio-group";
import type { ActionResult } from "@/lib/actions/result";
import { useFormat } from "@/lib/i18n/use-format";
import { formatAmount } from "@/lib/money/money";
import type { MoneyView } from "@/lib/statements/explain";
import { type RecordReceiptData, recordReceiptSchema } from "@/lib/statements/schema";
import { NativeSelect } from "./native-select";
import { type Split, SplitView } from "./receipts";

export type InstalmentOption = { index: number; label: string; amount: MoneyView; open: MoneyView };
type Values = { kind: "MG_INSTALMENT" | "OVERAGE"; instalmentIndex: string; amount: string; receivedOn: string };
type Rule = "amount" | "digits" | "date" | "instalment" | "overOpen" | "nothingOpen";

const minor = (amount: string, exponent: number) => {
  const [whole = "0", fraction = ""] = amount.split(".");
  return BigInt(whole + fraction.padEnd(exponent, "0"));
};

/** Checks a receipt as you type: the schema, the currency's digits, and what is still open. */
export function receiptRules(
  v: Values,
  exponent: number,
  instalments: InstalmentOption[],
  overageOpen: MoneyView,
): Partial<Record<keyof Values, Rule>> {
  const errors: Partial<Record<keyof Values, Rule>> = {};
  const amount = cleanNumber(v.amount);
  if (!/^\d{1,18}(\.\d+)?$/.test(amount) || /^0*(\.0*)?$/.test(amount)) errors.amount = "amount";
  else if ((amount.split(".")[1] ?? "").length > exponent) errors.amount = "digits";
  if (!recordReceiptSchema.shape.receivedOn.safeParse(v.receivedOn).success) errors.receivedOn = "date";
  const open = v.kind === "OVERAGE" ? overageOpen : instalments.find((i) => String(i.index) === v.instalmentIndex)?.open;
  if (v.kind === "MG_INSTALMENT" && !open) errors.instalmentIndex = "instalment";
  if (open && !errors.amount) {
    const openMinor = minor(open.amount, exponent);
    if (openMinor === 0n) errors.amount = "nothingOpen";
    else if (minor(amount, exponent) > openMinor) errors.amount = "overOpen";
  }
  return errors;
}

/**
 * Records cash the licensor received: an MG instalment (choose which; its open amount is shown)
 * or an overage payment (the overage due and unpaid is shown). After recording, the split is
 * shown: each creator, the creators' total, the facility's sweep and the studio's rest.
 */
export function ReceiptForm({
  dealId,
  currency,
  exponent,
  instalments,
  overageOpen,
  today,
  recordAction,
}: {
  dealId: string;
  currency: string;
  exponent: number;
  instalments: InstalmentOption[];
  overageOpen: MoneyView;
  today: string;
  recordAction: (dealId: string, input: RecordReceiptData) => Promise<ActionResult<{ id: string; amount: MoneyView; split: Split }>>;
}) {
  const t = useTranslations("statements.receiptForm");
  const tv = useTranslations("statements.receiptForm.validation");
  const f = useFormat();
  const hydrated = useHydrated();
  const actionError = useActionError();
  const [recorded, setRecorded] = useState<{ amount: MoneyView; split: Split } | null>(null);
  const firstOpen = instalments.find((i) => minor(i.open.amount, exponent) > 0n);
  const defaults = (): Values => ({
    kind: firstOpen || minor(overageOpen.amount, exponent) === 0n ? "MG_INSTALMENT" : "OVERAGE",
    instalmentIndex: firstOpen ? String(firstOpen.index) : "",
    amount: "",
    receivedOn: today,
  });
  const resolver: Resolver<Values> = async (values) => {
    const rules = receiptRules(values, exponent, instalments, overageOpen);
    const entries = Object.entries(rules);
    return entries.length === 0
      ? { values, errors: {} }
      : { values: {}, errors: Object.fromEntries(entries.map(([k, r]) => [k, { type: "rule", message: r }])) };
  };
  const form = useForm<Values>({ resolver, mode: "onTouched", defaultValues: defaults() });
  const kind = useWatch({ control: form.control, name: "kind" });
  const index = useWatch({ control: form.control, name: "instalmentIndex" });
  const { errors, isSubmitting } = form.formState;
  const action = useActionForm({
    fields: {
      form,
      at: fieldsNamed(["amount", "receivedOn", "instalmentIndex", "kind"], (path) => path.replace(/\.(amount|currency)$/, "")),
    },
    refreshOn: true,
  });
  const open = kind === "OVERAGE" ? overageOpen : instalments.find((i) => String(i.index) === index)?.open;
  const message = (name: keyof Values) => {
    const e = errors[name];
    if (!e) return undefined;
    if (e.type === "server") return e.message;
    return tv(e.message as Rule, { open: open ? f.money(open) : "—", digits: exponent, currency });
  };

  const onSubmit = form.handleSubmit(async (v) => {
    const payload: RecordReceiptData = {
      kind: v.kind,
      amount: { amount: cleanNumber(v.amount), currency },
      receivedOn: v.receivedOn,
      ...(v.kind === "MG_INSTALMENT" ? { instalmentIndex: Number(v.instalmentIndex) } : {}),
    };
    await action.submit(() => recordAction(dealId, payload), {
      // A refusal of the receipt rules names what is wrong (more than the instalment has open): shown as sent.
      messages: (refusal, rest) =>
        rest.length === 0 && refusal.fieldErrors
          ? null
          : [refusal.message && !["VALIDATION_FAILED", "NO_ANSWER"].includes(refusal.reason) ? refusal.message : actionError(refusal)],
      success: (data) => t("recorded", { amount: f.money(data.amount) }),
      onSuccess: (data) => {
        setRecorded({ amount: data.amount, split: data.split });
        // What is open changes with this receipt: the next instalment is chosen again from the refreshed page.
        form.reset({ kind: v.kind, instalmentIndex: "", amount: "", receivedOn: v.receivedOn });
      },
    });
  });

  const disabled = !hydrated || isSubmitting;
  return (
    <Card>
      <CardHeader>
        <CardTitle>{t("title")}</CardTitle>
        <CardDescription>{t("description")}</CardDescription>
      </CardHeader>
      <CardContent className="grid gap-5">
        <form onSubmit={onSubmit} noValidate className="grid gap-4" aria-label={t("title")}>
          <Controller
            control={form.control}
            name="kind"
            render={({ field }) => (
              <RadioGroup
                value={field.value}
                onValueChange={(v) => {
                  field.onChange(v);
                  form.clearErrors();
                }}
                className="grid gap-3 sm:grid-cols-2"
                aria-label={t("kind")}
                disabled={disabled}
              >
                <RadioCard value="MG_INSTALMENT" title={t("mg")} description={t("mgHint")} />
                <RadioCard value="OVERAGE" title={t("overage")} description={t("overageHint", { amount: f.money(overageOpen) })} />
              </RadioGroup>
            )}
          />
          <div className="grid items-start gap-4 sm:grid-cols-3">
            {kind === "MG_INSTALMENT" ? (
              <FormField label={t("instalment")} error={message("instalmentIndex")}>
                <NativeSelect disabled={disabled || instalments.length === 0} {...form.register("instalmentIndex")}>
                  <option value="">{instalments.length === 0 ? t("noInstalments") : t("choose")}</option>
                  {instalments.map((i) => (
                    <option key={i.index} value={String(i.index)} disabled={minor(i.open.amount, exponent) === 0n}>
                      {t("instalmentOption", { label: i.label, open: f.money(i.open), amount: f.money(i.amount) })}
                    </option>
                  ))}
                </NativeSelect>
              </FormField>
            ) : (
              <div className="grid gap-1.5 rounded-lg border bg-muted/40 p-3 text-sm" data-testid="overage-open">
                <span className="text-xs text-muted-foreground">{t("overageOpen")}</span>
                <span className="font-semibold tabular-nums">{f.money(overageOpen)}</span>
              </div>
            )}
            <FormField
              label={t("amount", { currency })}
              description={open && minor(open.amount, exponent) > 0n ? t("openHint", { open: f.money(open) }) : undefined}
              error={message("amount")}
            >
              <GroupedInput placeholder={formatAmount(0n, exponent)} disabled={disabled} {...form.register("amount")} />
            </FormField>
            <FormField label={t("receivedOn")} error={message("receivedOn")}>
              <Input type="date" disabled={disabled} {...form.register("receivedOn")} />
            </FormField>
          </div>
          <FormMessage>{action.formError?.join(" ")}</FormMessage>
          <div className="flex justify-end">
            <Button type="submit" loading={isSubmitting} disabled={!hydrated}>
              <HandCoins aria-hidden />
              {t("submit")}
            </Button>
          </div>
        </form>
        {recorded ? (
          <Alert variant="success" data-testid="receipt-recorded">
            <CheckCircle2 aria-hidden />
            <AlertTitle>{t("splitTitle", { amount: f.money(recorded.amount) })}</AlertTitle>
            <AlertDescription>
              <SplitView split={recorded.split} amount={recorded.amount} />
            </AlertDescription>
          </Alert>
        ) : null}
      </CardContent>
    </Card>
  );
}
