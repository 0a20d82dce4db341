"use client";

import { Send } from "lucide-react";
import { useRouter } from "next/navigation";
import { useLocale, useTranslations } from "next-intl";
import { useMemo } from "react";
import { type FieldErrors, type Resolver, useFieldArray, useForm, useWatch } from "react-hook-form";
import { errorAt, fieldsMatching } from "@/components/forms/field-errors";
import { FormAlert } from "@/components/forms/form-alert";
import { GroupedInput } from "@/components/forms/grouped-input";
import { AddRowButton, RemoveRowButton } from "@/components/forms/row-buttons";
import { useActionForm } from "@/components/forms/use-action-form";
import { useHydrated } from "@/components/forms/use-hydrated";
import { Button } from "@/components/ui/button";
import { Card, CardContent, CardDescription, CardHeader, CardTitle } from "@/components/ui/card";
import { FormField } from "@/components/ui/form-field";
import { Input } from "@/components/ui/input";
import type { ActionResult } from "@/lib/actions/result";
import { sortByName } from "@/lib/i18n/collate";
import { useFormat } from "@/lib/i18n/use-format";
import { formatAmount } from "@/lib/money/money";
import { REVENUE_TYPES, type SubmitStatementData } from "@/lib/statements/schema";
import { NativeSelect } from "./native-select";
import {
  blankLine,
  countriesFor,
  type FormContext,
  formPathOf,
  grossTotalMinor,
  mediaFor,
  type Rule,
  type StatementFormValues,
  seasonsFor,
  toStatementPayload,
  validateStatement,
} from "./statement-form-model";

export type Option = { value: string; label: string };

/** The server errors a field shows; the others join the alert. */
const SHOWN = [/^(periodStart|periodEnd|supersedesId|expenses)$/, /^lines\.\d+\.(titleId|territory|mediaRight|revenueType|gross|season)$/];

/** Nests { "lines.3.gross": rule } the way react-hook-form keeps errors. */
function nest(flat: Record<string, Rule>): FieldErrors<StatementFormValues> {
  const root: Record<string, unknown> = {};
  for (const [path, rule] of Object.entries(flat)) {
    const keys = path.split(".");
    let node = root;
    keys.slice(0, -1).forEach((k) => {
      node[k] = (node[k] as Record<string, unknown>) ?? {};
      node = node[k] as Record<string, unknown>;
    });
    node[keys[keys.length - 1]!] = { type: "rule", message: rule };
  }
  return root as FieldErrors<StatementFormValues>;
}

/**
 * A licensee's statement for one period: revenue lines (a title, country and media right the deal
 * grants, a revenue type, the gross in the deal's currency) and reported expenses. Checked as you
 * type; the server checks again and its errors land on the line and field they name.
 */
export function StatementForm({
  dealId,
  currency,
  exponent,
  titles,
  scopes,
  countryNames,
  mediaNames,
  supersedable,
  defaultSupersedesId,
  submitAction,
}: {
  dealId: string;
  currency: string;
  exponent: number;
  titles: Option[];
  scopes: FormContext["scopes"];
  countryNames: Record<string, string>;
  mediaNames: Record<string, string>;
  /** Earlier statements a correction may supersede. */
  supersedable: Option[];
  defaultSupersedesId?: string;
  submitAction: (dealId: string, input: SubmitStatementData) => Promise<ActionResult<{ id: string }>>;
}) {
  const t = useTranslations("statements.form");
  const locale = useLocale();
  const tv = useTranslations("statements.validation");
  const tr = useTranslations("statements.revenueType");
  const f = useFormat();
  const router = useRouter();
  const hydrated = useHydrated();
  const ctx = useMemo(() => ({ currency, exponent, scopes }), [currency, exponent, scopes]);

  const resolver: Resolver<StatementFormValues> = async (values) => {
    const flat = validateStatement(values, ctx);
    return Object.keys(flat).length === 0 ? { values, errors: {} } : { values: {}, errors: nest(flat) };
  };
  const form = useForm<StatementFormValues>({
    resolver,
    mode: "onTouched",
    defaultValues: {
      periodStart: "",
      periodEnd: "",
      supersedesId: defaultSupersedesId ?? "",
      expenses: "",
      lines: [{ ...blankLine(), titleId: titles.length === 1 ? titles[0]!.value : "" }],
    },
  });
  const action = useActionForm({ fields: { form, at: fieldsMatching(SHOWN, formPathOf) } });
  const { fields, append, remove } = useFieldArray({ control: form.control, name: "lines" });
  const lines = useWatch({ control: form.control, name: "lines" });
  const { errors, isSubmitting } = form.formState;

  const message = (path: string): string | undefined => {
    const e = errorAt(errors, path);
    if (!e) return undefined;
    if (e.type === "server") return e.message;
    return tv((e.message ?? "amount") as Rule, { currency, digits: exponent });
  };

  const byName = (codes: string[], names: Record<string, string>) =>
    sortByName(
      codes.map((c) => ({ value: c, label: names[c] ?? c })),
      (o) => o.label,
      locale,
    );
  const allCountries = useMemo(() => [...new Set(scopes.flatMap((s) => s.countries))], [scopes]);
  const allMedia = useMemo(() => [...new Set(scopes.flatMap((s) => s.media))], [scopes]);

  const onSubmit = form.handleSubmit((values) =>
    action.submit(() => submitAction(dealId, toStatementPayload(values, currency)), {
      success: t("submitted"),
      onSuccess: (data) => router.push(`/statements/${data.id}`),
    }),
  );

  const total = grossTotalMinor(lines ?? [], exponent);
  const disabled = !hydrated || isSubmitting;

  return (
    <form onSubmit={onSubmit} noValidate className="grid gap-6" aria-label={t("title")}>
      <Card>
        <CardHeader>
          <CardTitle>{t("period")}</CardTitle>
          <CardDescription>{t("periodHint", { currency })}</CardDescription>
        </CardHeader>
        <CardContent className="grid items-start gap-4 sm:grid-cols-2 lg:grid-cols-4">
          <FormField label={t("periodStart")} error={message("periodStart")}>
            <Input type="date" disabled={disabled} {...form.register("periodStart")} />
          </FormField>
          <FormField label={t("periodEnd")} error={message("periodEnd")}>
            <Input type="date" disabled={disabled} {...form.register("periodEnd")} />
          </FormField>
          <FormField label={t("expenses", { currency })} hint={t("optional")} description={t("expensesHint")} error={message("expenses")}>
            <GroupedInput placeholder={formatAmount(0n, exponent)} disabled={disabled} {...form.register("expenses")} />
          </FormField>
          <FormField label={t("supersedes")} hint={t("optional")} description={t("supersedesHint")} error={message("supersedesId")}>
            <NativeSelect disabled={disabled || supersedable.length === 0} {...form.register("supersedesId")}>
              <option value="">{t("supersedesNone")}</option>
              {supersedable.map((o) => (
                <option key={o.value} value={o.value}>
                  {o.label}
                </option>
              ))}
            </NativeSelect>
          </FormField>
        </CardContent>
      </Card>

      <Card>
        <CardHeader className="flex-row flex-wrap items-center justify-between gap-2">
          <div className="grid gap-1">
            <CardTitle>{t("lines", { count: fields.length })}</CardTitle>
            <CardDescription>{t("linesHint")}</CardDescription>
          </div>
          <AddRowButton onClick={() => append(blankLine())} disabled={disabled}>
            {t("addLine")}
          </AddRowButton>
        </CardHeader>
        <CardContent className="grid gap-3">
          <div className="hidden grid-cols-[2rem_minmax(0,2fr)_minmax(0,1.4fr)_minmax(0,1.4fr)_minmax(0,1.2fr)_minmax(0,1fr)_2.25rem] gap-2 px-1 text-xs font-medium text-muted-foreground lg:grid">
            <span>#</span>
            <span>{t("columns.title")}</span>
            <span>{t("columns.country")}</span>
            <span>{t("columns.media")}</span>
            <span>{t("columns.revenueType")}</span>
            <span className="text-right">{t("columns.gross", { currency })}</span>
            <span className="sr-only">{t("removeLine", { n: "" })}</span>
          </div>
          <ol className="grid gap-3">
            {fields.map((field, i) => {
              const line = lines?.[i] ?? blankLine();
              const countries = byName(line.titleId ? countriesFor(scopes, line.titleId) : allCountries, countryNames);
              const media = byName(line.titleId ? mediaFor(scopes, line.titleId, line.territory) : allMedia, mediaNames);
              const n = i + 1;
              const seasons = line.titleId ? seasonsFor(scopes, line.titleId) : [];
              const cell = (name: "titleId" | "territory" | "mediaRight" | "revenueType" | "gross" | "season") => {
                const path = `lines.${i}.${name}`;
                const error = message(path);
                return {
                  error,
                  props: {
                    "aria-invalid": error ? true : undefined,
                    "aria-describedby": error ? `${field.id}-${name}-error` : undefined,
                    disabled,
                  },
                  errorNode: error ? (
                    <p id={`${field.id}-${name}-error`} role="alert" className="text-xs font-medium text-destructive">
                      {error}
                    </p>
                  ) : null,
                };
              };
              const title = cell("titleId");
              const territory = cell("territory");
              const mediaCell = cell("mediaRight");
              const type = cell("revenueType");
              const gross = cell("gross");
              const season = cell("season");
              return (
                <li
                  key={field.id}
                  data-testid={`line-${i}`}
                  className="grid grid-cols-1 items-start gap-2 rounded-lg border p-3 sm:grid-cols-2 lg:grid-cols-[2rem_minmax(0,2fr)_minmax(0,1.4fr)_minmax(0,1.4fr)_minmax(0,1.2fr)_minmax(0,1fr)_2.25rem] lg:rounded-none lg:border-0 lg:p-1"
                >
                  <span className="pt-2 text-xs text-muted-foreground tabular-nums">{n}</span>
                  <div className="grid gap-1">
                    <NativeSelect aria-label={t("lineField.title", { n })} {...title.props} {...form.register(`lines.${i}.titleId`)}>
                      <option value="">{t("choose")}</option>
                      {titles.map((o) => (
                        <option key={o.value} value={o.value}>
                          {o.label}
                        </option>
                      ))}
                    </NativeSelect>
                    {title.errorNode}
                    {seasons.length > 0 ? (
                      <>
                        <NativeSelect aria-label={t("lineField.season", { n })} {...season.props} {...form.register(`lines.${i}.season`)}>
                          <option value="">{t("anySeason")}</option>
                          {seasons.map((x) => (
                            <option key={x} value={String(x)}>
                              {t("seasonN", { number: x })}
                            </option>
                          ))}
                        </NativeSelect>
                        {season.errorNode}
                      </>
                    ) : null}
                  </div>
                  <div className="grid gap-1">
                    <NativeSelect
                      aria-label={t("lineField.country", { n })}
                      {...territory.props}
                      {...form.register(`lines.${i}.territory`)}
                    >
                      <option value="">{t("choose")}</option>
                      {countries.map((o) => (
                        <option key={o.value} value={o.value}>
                          {o.label}
                        </option>
                      ))}
                    </NativeSelect>
                    {territory.errorNode}
                  </div>
                  <div className="grid gap-1">
                    <NativeSelect aria-label={t("lineField.media", { n })} {...mediaCell.props} {...form.register(`lines.${i}.mediaRight`)}>
                      <option value="">{t("choose")}</option>
                      {media.map((o) => (
                        <option key={o.value} value={o.value}>
                          {o.label}
                        </option>
                      ))}
                    </NativeSelect>
                    {mediaCell.errorNode}
                  </div>
                  <div className="grid gap-1">
                    <NativeSelect
                      aria-label={t("lineField.revenueType", { n })}
                      {...type.props}
                      {...form.register(`lines.${i}.revenueType`)}
                    >
                      <option value="">{t("choose")}</option>
                      {REVENUE_TYPES.map((r) => (
                        <option key={r} value={r}>
                          {tr(r)}
                        </option>
                      ))}
                    </NativeSelect>
                    {type.errorNode}
                  </div>
                  <div className="grid gap-1">
                    <GroupedInput
                      aria-label={t("lineField.gross", { n, currency })}
                      placeholder={formatAmount(0n, exponent)}
                      className="text-right tabular-nums"
                      {...gross.props}
                      {...form.register(`lines.${i}.gross`)}
                    />
                    {gross.errorNode}
                  </div>
                  <RemoveRowButton label={t("removeLine", { n })} onClick={() => remove(i)} disabled={disabled || fields.length === 1} />
                </li>
              );
            })}
          </ol>
          {message("lines") ? (
            <p role="alert" className="text-sm font-medium text-destructive">
              {message("lines")}
            </p>
          ) : null}
          <div className="flex items-baseline justify-end gap-3 border-t pt-3 text-sm">
            <span className="text-muted-foreground">{t("totalGross")}</span>
            <span className="font-semibold tabular-nums" data-testid="form-total">
              {f.money({ amount: formatAmount(total, exponent), currency })}
            </span>
          </div>
        </CardContent>
      </Card>

      <FormAlert title={t("refused")} messages={action.formError} />
      <div className="flex justify-end gap-2">
        <Button type="submit" loading={isSubmitting} disabled={!hydrated}>
          <Send aria-hidden />
          {t("submit")}
        </Button>
      </div>
    </form>
  );
}
