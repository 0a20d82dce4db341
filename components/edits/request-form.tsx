"use client";

import { zodResolver } from "@hookform/resolvers/zod";
import { ExternalLink, Plus, Save, Send, Trash2 } from "lucide-react";
import { useRouter } from "next/navigation";
import { useLocale, useTranslations } from "next-intl";
import { useEffect, useMemo, useState } from "react";
import { Controller, type Resolver, useFieldArray, useForm, useWatch } from "react-hook-form";
import { toast } from "sonner";
import type { TerritoryChoice } from "@/components/catalogue/version-dialog";
import { useActionError } from "@/components/forms/action-error";
import { errorAt, refusalMessages } from "@/components/forms/field-errors";
import { FormAlert } from "@/components/forms/form-alert";
import { MultiSelect, type MultiSelectOption } from "@/components/forms/multi-select";
import { ListField, SelectField, SimpleSelect } from "@/components/forms/select-field";
import { useActionForm } from "@/components/forms/use-action-form";
import { useFieldError } from "@/components/forms/use-field-error";
import { useHydrated } from "@/components/forms/use-hydrated";
import { Button } from "@/components/ui/button";
import { Card, CardContent, CardDescription, CardFooter, CardHeader, CardTitle } from "@/components/ui/card";
import { FormField } from "@/components/ui/form-field";
import { Input } from "@/components/ui/input";
import { Link } from "@/components/ui/link";
import { Textarea } from "@/components/ui/textarea";
import type { ActionResult } from "@/lib/actions/result";
import { EDIT_CATEGORIES } from "@/lib/catalogue/schema";
import type { PolicySnapshot } from "@/lib/edits/actions";
import { evaluateItem } from "@/lib/edits/rules";
import { formatDateTime } from "@/lib/i18n/format";
import { EvaluationLine, useEvaluationText } from "./evaluation";
import { editsFieldRules } from "./field-rules";
import { policyElements } from "./present";
import {
  emptyItem,
  type RequestFormValues,
  type RequestPayload,
  requestFieldPath,
  requestPayloadSchema,
  toRequestPayload,
  usableMagnitude,
} from "./request-form-model";

export type TitleChoice = { id: string; name: string; studio: string; versions: { id: string; name: string; original: boolean }[] };
export type DealChoice = { id: string; name: string; titleIds: string[]; editsPermittedTitleIds: string[] };

export type RequestFormProps = {
  titles: TitleChoice[];
  deals: DealChoice[];
  territories: TerritoryChoice[];
  /** Present when editing a saved draft (or a request sent back for changes). */
  request?: { id: string; version: number; values: RequestFormValues };
  /** Starting values of a new request (e.g. the title chosen on its policy page). */
  initialValues?: RequestFormValues;
  loadPolicyAction: (titleId: string) => Promise<ActionResult<PolicySnapshot>>;
  createAction: (input: RequestPayload) => Promise<ActionResult<{ id: string; version: number }>>;
  /** `version` is the request's version as this form last saved or loaded it. */
  updateAction: (id: string, version: number, input: RequestPayload) => Promise<ActionResult<{ id: string; version: number }>>;
  submitAction: (id: string) => Promise<ActionResult<{ status: string }>>;
};

const resolver = (async (values, context, options) => {
  const result = await zodResolver(requestPayloadSchema)(toRequestPayload(values), context, { ...options, names: undefined });
  return Object.keys(result.errors).length === 0 ? { values: result.values, errors: {} } : { values: {}, errors: result.errors };
}) as Resolver<RequestFormValues, unknown, RequestPayload>;

/**
 * The partner's edit request: which title and version, for which territories (and deal), and the
 * changes asked for. Each change shows, as it is typed, what the studio's current policy will do
 * with it on submission (lib/edits/rules' evaluateItem, the function the server runs).
 */
export function RequestForm({
  titles,
  deals,
  territories,
  request,
  initialValues,
  loadPolicyAction,
  createAction,
  updateAction,
  submitAction,
}: RequestFormProps) {
  const t = useTranslations("edits.form");
  const tCategory = useTranslations("catalogue.editCategories");
  const tType = useTranslations("catalogue.territoryTypes");
  const locale = useLocale();
  const hydrated = useHydrated();
  const router = useRouter();
  const fieldError = useFieldError("edits.validation", editsFieldRules);
  const actionError = useActionError();
  const evaluationText = useEvaluationText();
  const [savedId, setSavedId] = useState<string | null>(request?.id ?? null);
  const [version, setVersion] = useState<number>(request?.version ?? 1);
  const [policy, setPolicy] = useState<{ titleId: string; snapshot: PolicySnapshot } | null>(null);
  const [policyLoading, setPolicyLoading] = useState(false);

  const form = useForm<RequestFormValues, unknown, RequestPayload>({
    resolver,
    mode: "onTouched",
    defaultValues: request?.values ??
      initialValues ?? {
        titleId: "",
        baseVersionId: "",
        territories: [],
        dealId: "",
        name: "",
        items: [emptyItem()],
      },
  });
  const { errors, isSubmitting } = form.formState;
  const action = useActionForm({ fields: { form, at: requestFieldPath } });
  const items = useFieldArray({ control: form.control, name: "items" });
  const [titleId, dealId, watchedItems] = useWatch({ control: form.control, name: ["titleId", "dealId", "items"] });
  const title = titles.find((x) => x.id === titleId);
  const titleDeals = deals.filter((d) => d.titleIds.includes(titleId));
  const deal = titleDeals.find((d) => d.id === dealId);

  // The policy in force for the chosen title, for the live preview.
  useEffect(() => {
    if (!titleId) return;
    let live = true;
    setPolicyLoading(true);
    loadPolicyAction(titleId)
      .then((result) => {
        if (live) setPolicy({ titleId, snapshot: result.ok ? result.data : null });
      })
      .catch(() => live && setPolicy({ titleId, snapshot: null }))
      .finally(() => live && setPolicyLoading(false));
    return () => {
      live = false;
    };
  }, [titleId, loadPolicyAction]);
  const snapshot = policy?.titleId === titleId ? policy.snapshot : null;
  const elements = useMemo(() => new Map(policyElements(snapshot?.elements ?? []).map((e) => [e.category, e] as const)), [snapshot]);

  const territoryOptions = useMemo<MultiSelectOption[]>(
    () =>
      territories.map((item) => ({
        value: item.code,
        label: locale === "zh" ? item.name.zh : item.name.en,
        group: tType(item.type),
        hint: item.code,
        keywords: `${item.name.en} ${item.name.zh}`,
      })),
    [territories, locale, tType],
  );
  const territoryLabel = useMemo(() => new Map(territoryOptions.map((o) => [o.value, o.label])), [territoryOptions]);

  function save(payload: RequestPayload) {
    return action.submit(() => (savedId ? updateAction(savedId, version, payload) : createAction(payload)), {
      refresh: false,
      // Edit-rights refusals name what is wrong (the deal does not cover Thailand): shown as sent.
      messages: (refusal, rest) =>
        refusalMessages(
          refusal.reason === "VALIDATION_FAILED" || refusal.reason === "NO_ANSWER" ? actionError(refusal) : refusal.message,
          rest,
          refusal.fieldErrors !== undefined,
        ),
      onSuccess: (data) => {
        if (!savedId) {
          setSavedId(data.id);
          // The draft exists now: a reload or a second save edits it rather than making another.
          window.history.replaceState(null, "", `/edit-requests/${data.id}/edit`);
        }
        setVersion(data.version);
      },
    });
  }

  const onSaveDraft = form.handleSubmit(async (payload) => {
    const saved = await save(payload);
    if (!saved.ok) return;
    toast.success(t("draftSaved"));
    router.push(`/edit-requests/${saved.data.id}`);
  });

  const onSubmit = form.handleSubmit(async (payload) => {
    const saved = await save(payload);
    if (!saved.ok) return;
    const id = saved.data.id;
    await action.submit(() => submitAction(id), {
      refresh: false,
      messages: (refusal, rest) =>
        refusal.reason === "NO_ANSWER" ? [actionError(refusal)] : [t("submitRefused"), ...(refusal.fieldErrors ? rest : [refusal.message])],
      success: t("submitted"),
      onSuccess: () => router.push(`/edit-requests/${id}`),
    });
  });

  const itemsError = fieldError("items", errorAt(errors, "items"));

  return (
    <form noValidate className="grid gap-6" onSubmit={onSubmit} aria-label={t("label")}>
      <Card>
        <CardHeader>
          <CardTitle>{t("what.title")}</CardTitle>
          <CardDescription>{t("what.description")}</CardDescription>
        </CardHeader>
        <CardContent className="grid gap-5">
          <div className="grid gap-4 md:grid-cols-2">
            <SelectField
              control={form.control}
              name="titleId"
              label={t("titleField")}
              error={fieldError("titleId", errorAt(errors, "titleId"))}
              disabled={!hydrated || Boolean(savedId && request)}
              placeholder={t("chooseTitle")}
              options={titles.map((x) => ({ value: x.id, label: `${x.name} · ${x.studio}` }))}
              onChosen={(value) => {
                const next = titles.find((x) => x.id === value);
                const original = next?.versions.find((v) => v.original) ?? next?.versions[0];
                form.setValue("baseVersionId", original?.id ?? "", { shouldValidate: true });
                form.setValue("dealId", "");
              }}
            />
            <SelectField
              control={form.control}
              name="baseVersionId"
              label={t("baseVersion")}
              description={t("baseVersionHint")}
              error={fieldError("baseVersionId", errorAt(errors, "baseVersionId"))}
              disabled={!hydrated || !title}
              placeholder={t("chooseVersion")}
              options={(title?.versions ?? []).map((v) => ({ value: v.id, label: v.name }))}
            />
          </div>
          <ListField
            control={form.control}
            name="territories"
            label={t("territories")}
            description={t("territoriesHint")}
            error={fieldError("territories", errorAt(errors, "territories"))}
          >
            {(list) => (
              <MultiSelect
                {...list}
                options={territoryOptions}
                disabled={!hydrated}
                placeholder={t("territoriesPlaceholder")}
                searchPlaceholder={t("territoriesSearch")}
                labelOf={(code) => territoryLabel.get(code) ?? code}
              />
            )}
          </ListField>
          <div className="grid gap-4 md:grid-cols-2">
            <Controller
              control={form.control}
              name="dealId"
              render={({ field }) => (
                <FormField
                  label={t("deal")}
                  hint={t("optional")}
                  description={
                    deal && !deal.editsPermittedTitleIds.includes(titleId)
                      ? t("dealNoEdits")
                      : titleId && titleDeals.length === 0
                        ? t("noDeals")
                        : t("dealHint")
                  }
                  error={fieldError("dealId", errorAt(errors, "dealId"))}
                >
                  <SimpleSelect
                    ref={field.ref}
                    name={field.name}
                    value={field.value || "NONE"}
                    disabled={!hydrated || !title}
                    onValueChange={(value) => field.onChange(value === "NONE" ? "" : value)}
                    onBlur={field.onBlur}
                    options={[{ value: "NONE", label: t("noDeal") }, ...titleDeals.map((d) => ({ value: d.id, label: d.name }))]}
                  />
                </FormField>
              )}
            />
            <FormField
              label={t("name")}
              hint={t("optional")}
              description={t("nameHint")}
              error={fieldError("name", errorAt(errors, "name"))}
            >
              <Input
                autoComplete="off"
                disabled={!hydrated}
                placeholder={title ? t("namePlaceholder", { title: title.name }) : ""}
                {...form.register("name")}
              />
            </FormField>
          </div>
        </CardContent>
      </Card>

      <Card>
        <CardHeader className="flex flex-col gap-3 sm:flex-row sm:items-start sm:justify-between">
          <div className="grid gap-1.5">
            <CardTitle>{t("changes.title")}</CardTitle>
            <CardDescription>{t("changes.description")}</CardDescription>
          </div>
          {title ? (
            <div className="rounded-lg border bg-muted/30 px-3 py-2 text-xs" data-testid="policy-summary">
              {policyLoading && !snapshot ? (
                <span className="text-muted-foreground">{t("policy.loading")}</span>
              ) : snapshot ? (
                <span className="flex flex-col gap-0.5">
                  <span className="font-medium">{t("policy.version", { version: snapshot.version })}</span>
                  <span className="text-muted-foreground">{t("policy.since", { date: formatDateTime(snapshot.createdAt, locale) })}</span>
                  <Link
                    href={`/titles/${title.id}/edit-policy`}
                    target="_blank"
                    className="inline-flex items-center gap-1 text-primary hover:underline"
                  >
                    {t("policy.read")}
                    <ExternalLink className="size-3" aria-hidden />
                  </Link>
                </span>
              ) : (
                <span className="text-muted-foreground">{t("policy.none")}</span>
              )}
            </div>
          ) : null}
        </CardHeader>
        <CardContent className="grid gap-4">
          <ol className="grid gap-4">
            {items.fields.map((row, index) => {
              const item = watchedItems[index] ?? row;
              const category = item.category || null;
              const preview =
                category && snapshot !== undefined && !policyLoading
                  ? evaluationText(
                      evaluateItem({ category, magnitudePct: usableMagnitude(item.magnitudePct) }, elements.get(category)),
                      category,
                    )
                  : null;
              const err = (field: "category" | "description" | "rationale" | "magnitudePct") =>
                fieldError(field, errorAt(errors, `items.${index}.${field}`));
              return (
                <li key={row.id} className="grid gap-3 rounded-lg border bg-background p-4" data-testid="request-item-row">
                  <div className="flex items-center justify-between gap-2">
                    <span className="text-sm font-semibold">{t("changes.number", { number: index + 1 })}</span>
                    <Button
                      type="button"
                      variant="ghost"
                      size="sm"
                      disabled={!hydrated || items.fields.length === 1}
                      onClick={() => items.remove(index)}
                      aria-label={t("changes.remove", { number: index + 1 })}
                    >
                      <Trash2 aria-hidden />
                      <span className="hidden sm:inline">{t("changes.removeShort")}</span>
                    </Button>
                  </div>
                  <div className="grid gap-3 md:grid-cols-[minmax(0,14rem)_minmax(0,1fr)_minmax(0,10rem)]">
                    <SelectField
                      control={form.control}
                      name={`items.${index}.category`}
                      label={t("changes.category")}
                      error={err("category")}
                      disabled={!hydrated}
                      placeholder={t("changes.chooseCategory")}
                      options={EDIT_CATEGORIES.map((c) => ({ value: c, label: tCategory(c) }))}
                    />
                    <FormField label={t("changes.changeDescription")} error={err("description")}>
                      <Textarea rows={2} disabled={!hydrated} {...form.register(`items.${index}.description`)} />
                    </FormField>
                    <FormField label={t("changes.magnitude")} hint={t("optional")} error={err("magnitudePct")}>
                      <Input
                        inputMode="decimal"
                        autoComplete="off"
                        disabled={!hydrated}
                        placeholder="8"
                        className="tabular-nums"
                        {...form.register(`items.${index}.magnitudePct`)}
                      />
                    </FormField>
                  </div>
                  <FormField label={t("changes.rationale")} description={t("changes.rationaleHint")} error={err("rationale")}>
                    <Textarea rows={2} disabled={!hydrated} {...form.register(`items.${index}.rationale`)} />
                  </FormField>
                  {preview ? <EvaluationLine verdict={preview.verdict} text={preview.text} /> : null}
                </li>
              );
            })}
          </ol>
          {itemsError ? (
            <p className="text-sm font-medium text-destructive" role="alert">
              {itemsError}
            </p>
          ) : null}
          <div>
            <Button
              type="button"
              variant="outline"
              size="sm"
              disabled={!hydrated || items.fields.length >= 100}
              onClick={() => items.append(emptyItem())}
            >
              <Plus aria-hidden />
              {t("changes.add")}
            </Button>
          </div>
        </CardContent>
        <CardFooter className="flex-col items-stretch gap-3 border-t pt-4 sm:flex-row sm:items-center sm:justify-between">
          <p className="text-xs text-muted-foreground">{t("submitHint")}</p>
          <div className="flex flex-wrap gap-2">
            <Button type="button" variant="outline" onClick={onSaveDraft} loading={isSubmitting} disabled={!hydrated}>
              {isSubmitting ? null : <Save aria-hidden />}
              {t("saveDraft")}
            </Button>
            <Button type="submit" loading={isSubmitting} disabled={!hydrated}>
              {isSubmitting ? null : <Send aria-hidden />}
              {t("submit")}
            </Button>
          </div>
        </CardFooter>
      </Card>
      <FormAlert messages={action.formError} />
    </form>
  );
}
