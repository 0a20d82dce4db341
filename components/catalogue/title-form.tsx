"use client";

import { zodResolver } from "@hookform/resolvers/zod";
import { Lock, RotateCw, Store } from "lucide-react";
import { useRouter } from "next/navigation";
import { useLocale, useTranslations } from "next-intl";
import { useState } from "react";
import { Controller, type DefaultValues, useFieldArray, useForm } from "react-hook-form";
import { fieldsNamed } from "@/components/forms/field-errors";
import { FormAlert } from "@/components/forms/form-alert";
import { MultiSelect } from "@/components/forms/multi-select";
import { AddRowButton, RemoveRowButton } from "@/components/forms/row-buttons";
import { ListField, SelectField } from "@/components/forms/select-field";
import { useActionForm } from "@/components/forms/use-action-form";
import { useFieldError } from "@/components/forms/use-field-error";
import { useHydrated } from "@/components/forms/use-hydrated";
import { Alert, AlertDescription, AlertTitle } from "@/components/ui/alert";
import { Button } from "@/components/ui/button";
import { Card, CardContent, CardDescription, CardHeader, CardTitle } from "@/components/ui/card";
import { FormField } from "@/components/ui/form-field";
import { Input } from "@/components/ui/input";
import { Link } from "@/components/ui/link";
import { RadioCard, RadioGroup } from "@/components/ui/radio-group";
import { Textarea } from "@/components/ui/textarea";
import type { ActionResult } from "@/lib/actions/result";
import {
  type CreateTitleData,
  type CreateTitleInput,
  createTitleSchema,
  TITLE_KINDS,
  type TitleKind,
  VISIBILITIES,
} from "@/lib/catalogue/schema";
import { listGenres } from "@/lib/reference/genres";
import { catalogueFieldRules, formPath } from "./field-rules";
import { LanguageSelect } from "./language-select";
import { hasEpisodes, hasRuntime } from "./title-display";

/** The form's values: what createTitleSchema takes, with every optional field present. */
export type TitleFormValues = CreateTitleInput & {
  titles: { en: string; zh: string };
  genres: string[];
  eidr: string;
  synopsis: string;
  awards: NonNullable<CreateTitleInput["awards"]>;
};

const EMPTY_TITLE: DefaultValues<CreateTitleInput> = {
  kind: "FILM",
  originalTitle: "",
  titles: { en: "", zh: "" },
  originalLanguage: "",
  genres: [],
  // The year has no sensible default: the field starts empty.
  runtimeMinutes: null,
  episodeCount: null,
  eidr: "",
  synopsis: "",
  visibility: "PRIVATE",
  awards: [],
};

const FIELDS = [
  "kind",
  "originalTitle",
  "titles",
  "originalLanguage",
  "genres",
  "year",
  "runtimeMinutes",
  "episodeCount",
  "eidr",
  "synopsis",
  "visibility",
  "awards",
] as const;

/** Full length of an EIDR ID: checked as soon as one is typed in full, not only on blur. */
const EIDR_LENGTH = "10.5240/XXXX-XXXX-XXXX-XXXX-XXXX-C".length;

const toInt = (v: unknown) => (v === "" || v === null || v === undefined ? undefined : Number(v));
const toIntOrNull = (v: unknown) => (v === "" || v === null || v === undefined ? null : Number(v));

export type TitleFormProps = {
  /** Language tags offered for the original language (server-side list). */
  suggestedLanguages: readonly string[];
} & (
  | { mode: "create"; createAction: (input: unknown) => Promise<ActionResult<{ id: string }>> }
  | {
      mode: "edit";
      titleId: string;
      lockVersion: number;
      defaults: TitleFormValues;
      updateAction: (titleId: string, input: unknown) => Promise<ActionResult<{ id: string; lockVersion: number }>>;
    }
);

/**
 * Registers or edits a title. Validates as you type with createTitleSchema (the edit form holds
 * every field, so the create rules apply to it unchanged); the server action validates again and
 * its field errors land on their fields. Edits carry the lockVersion they started from.
 */
export function TitleForm(props: TitleFormProps) {
  const t = useTranslations("catalogue.form");
  const tKind = useTranslations("catalogue.kinds");
  const tVisibility = useTranslations("catalogue.visibility");
  const tVisibilityHint = useTranslations("catalogue.visibilityDescription");
  const locale = useLocale();
  const router = useRouter();
  const fieldError = useFieldError("catalogue.validation", catalogueFieldRules);
  const [stale, setStale] = useState(false);
  const hydrated = useHydrated();
  // Server-rendered values, so an edit form shows the title before hydration (react-hook-form's
  // register() alone leaves fields empty until then).
  const initial = props.mode === "edit" ? props.defaults : undefined;

  const form = useForm<CreateTitleInput, unknown, CreateTitleData>({
    resolver: zodResolver(createTitleSchema),
    mode: "onTouched",
    defaultValues: props.mode === "edit" ? props.defaults : EMPTY_TITLE,
  });
  const action = useActionForm({
    fields: { form, at: fieldsNamed(FIELDS, formPath), text: fieldError.server },
    onRefused: (refusal) => {
      if (refusal.reason !== "STALE_UPDATE") return false;
      setStale(true);
      return true;
    },
  });
  const awards = useFieldArray({ control: form.control, name: "awards" });
  const { errors, isSubmitting } = form.formState;
  const kind = form.watch("kind") as TitleKind;
  const genreOptions = listGenres().map((g) => ({
    value: g.code,
    label: locale === "zh" ? g.name.zh : g.name.en,
    keywords: `${g.name.en} ${g.name.zh}`,
  }));
  const err = fieldError;

  const onSubmit = form.handleSubmit(() => {
    const values = form.getValues();
    // Hidden fields are cleared, so a film switched from a series loses its episode count.
    const input = {
      ...values,
      runtimeMinutes: hasRuntime(values.kind) ? values.runtimeMinutes : null,
      episodeCount: hasEpisodes(values.kind) ? values.episodeCount : null,
      ...(props.mode === "edit" ? { lockVersion: props.lockVersion } : {}),
    };
    return action.submit(() => (props.mode === "create" ? props.createAction(input) : props.updateAction(props.titleId, input)), {
      success: props.mode === "create" ? t("created") : t("saved"),
      onSuccess: (data) => router.push(`/titles/${props.mode === "create" ? data.id : props.titleId}`),
    });
  });

  return (
    <form
      onSubmit={onSubmit}
      noValidate
      className="grid max-w-4xl gap-6"
      aria-label={props.mode === "create" ? t("newTitle") : t("editTitle")}
    >
      <fieldset disabled={!hydrated} className="contents">
        {stale ? (
          <Alert variant="destructive" data-testid="stale-alert">
            <RotateCw aria-hidden />
            <AlertTitle>{t("stale.title")}</AlertTitle>
            <AlertDescription>
              <p>{t("stale.description")}</p>
              <Button type="button" variant="outline" size="sm" className="mt-2" onClick={() => window.location.reload()}>
                {t("stale.reload")}
              </Button>
            </AlertDescription>
          </Alert>
        ) : null}

        <Card>
          <CardHeader>
            <CardTitle>{t("sections.identity")}</CardTitle>
            <CardDescription>{t("sections.identityHint")}</CardDescription>
          </CardHeader>
          <CardContent className="grid items-start gap-4 sm:grid-cols-2">
            <SelectField
              control={form.control}
              name="kind"
              label={t("fields.kind")}
              error={err("kind", errors.kind)}
              options={TITLE_KINDS.map((k) => ({ value: k, label: tKind(k) }))}
            />
            {/* FormField labels its one child: the Controller goes outside it, as the country select's forms do. */}
            <Controller
              control={form.control}
              name="originalLanguage"
              render={({ field }) => (
                <FormField
                  label={t("fields.originalLanguage")}
                  description={t("fields.originalLanguageHint")}
                  error={err("originalLanguage", errors.originalLanguage)}
                >
                  <LanguageSelect
                    ref={field.ref}
                    name={field.name}
                    value={field.value}
                    onValueChange={field.onChange}
                    onBlur={field.onBlur}
                    suggested={props.suggestedLanguages}
                  />
                </FormField>
              )}
            />
            <FormField
              label={t("fields.originalTitle")}
              description={t("fields.originalTitleHint")}
              error={err("originalTitle", errors.originalTitle)}
              className="sm:col-span-2"
            >
              <Input autoComplete="off" defaultValue={initial?.originalTitle} {...form.register("originalTitle")} />
            </FormField>
            <FormField label={t("fields.titleEn")} hint={t("optional")} error={err("titles.en", errors.titles?.en)}>
              <Input autoComplete="off" lang="en" defaultValue={initial?.titles.en} {...form.register("titles.en")} />
            </FormField>
            <FormField label={t("fields.titleZh")} hint={t("optional")} error={err("titles.zh", errors.titles?.zh)}>
              <Input autoComplete="off" lang="zh-Hans" defaultValue={initial?.titles.zh} {...form.register("titles.zh")} />
            </FormField>
          </CardContent>
        </Card>

        <Card>
          <CardHeader>
            <CardTitle>{t("sections.details")}</CardTitle>
            <CardDescription>{t("sections.detailsHint")}</CardDescription>
          </CardHeader>
          <CardContent className="grid items-start gap-4 sm:grid-cols-6">
            <ListField
              control={form.control}
              name="genres"
              label={t("fields.genres")}
              error={err("genres", errors.genres as { message?: string; type?: string })}
              className="sm:col-span-6"
            >
              {(list) => <MultiSelect {...list} options={genreOptions} placeholder={t("fields.genresPlaceholder")} />}
            </ListField>
            <FormField label={t("fields.year")} error={err("year", errors.year)} className="sm:col-span-2">
              <Input
                type="number"
                inputMode="numeric"
                min={1888}
                defaultValue={initial?.year}
                {...form.register("year", { setValueAs: toInt })}
              />
            </FormField>
            {hasRuntime(kind) ? (
              <FormField
                label={t("fields.runtime")}
                hint={t("optional")}
                error={err("runtimeMinutes", errors.runtimeMinutes)}
                className="sm:col-span-2"
              >
                <Input
                  type="number"
                  inputMode="numeric"
                  min={1}
                  defaultValue={initial?.runtimeMinutes ?? undefined}
                  {...form.register("runtimeMinutes", { setValueAs: toIntOrNull })}
                />
              </FormField>
            ) : null}
            {hasEpisodes(kind) ? (
              <FormField
                label={t("fields.episodes")}
                hint={t("optional")}
                error={err("episodeCount", errors.episodeCount)}
                className="sm:col-span-2"
              >
                <Input
                  type="number"
                  inputMode="numeric"
                  min={1}
                  defaultValue={initial?.episodeCount ?? undefined}
                  {...form.register("episodeCount", { setValueAs: toIntOrNull })}
                />
              </FormField>
            ) : null}
            <FormField
              label={t("fields.eidr")}
              hint={t("optional")}
              description={t("fields.eidrHint")}
              error={err("eidr", errors.eidr, form.getValues("eidr"))}
              className="sm:col-span-6"
            >
              <Input
                autoComplete="off"
                spellCheck={false}
                className="font-mono"
                placeholder="10.5240/XXXX-XXXX-XXXX-XXXX-XXXX-C"
                defaultValue={initial?.eidr}
                {...form.register("eidr", {
                  onChange: (event: { target: { value: string } }) => {
                    // Validate as soon as the ID is complete (or once it has been shown wrong).
                    if (event.target.value.trim().length >= EIDR_LENGTH || form.getFieldState("eidr").error) void form.trigger("eidr");
                  },
                })}
              />
            </FormField>
            <FormField label={t("fields.synopsis")} hint={t("optional")} error={err("synopsis", errors.synopsis)} className="sm:col-span-6">
              <Textarea rows={5} defaultValue={initial?.synopsis} {...form.register("synopsis")} />
            </FormField>
          </CardContent>
        </Card>

        <Card>
          <CardHeader>
            <CardTitle>{t("sections.visibility")}</CardTitle>
          </CardHeader>
          <CardContent>
            <Controller
              control={form.control}
              name="visibility"
              render={({ field }) => (
                <RadioGroup
                  value={field.value}
                  onValueChange={field.onChange}
                  aria-label={t("sections.visibility")}
                  className="grid gap-3 sm:grid-cols-2"
                >
                  {VISIBILITIES.map((v) => (
                    <RadioCard
                      key={v}
                      value={v}
                      title={tVisibility(v)}
                      description={tVisibilityHint(v)}
                      icon={v === "LISTED" ? <Store /> : <Lock />}
                    />
                  ))}
                </RadioGroup>
              )}
            />
          </CardContent>
        </Card>

        <Card>
          <CardHeader>
            <CardTitle>{t("sections.awards")}</CardTitle>
            <CardDescription>{t("sections.awardsHint")}</CardDescription>
          </CardHeader>
          <CardContent className="grid gap-4">
            {awards.fields.length === 0 ? <p className="text-sm text-muted-foreground">{t("awards.none")}</p> : null}
            {awards.fields.map((award, index) => {
              const e = errors.awards?.[index];
              return (
                <fieldset
                  key={award.id}
                  className="grid gap-3 rounded-lg border p-3 sm:grid-cols-[2fr_2fr_2fr_1fr_auto] sm:items-start"
                  data-testid="award-row"
                >
                  <legend className="sr-only">{t("awards.legend", { number: index + 1 })}</legend>
                  <FormField label={t("awards.festival")} error={err(`awards.${index}.festival`, e?.festival)}>
                    <Input autoComplete="off" defaultValue={award.festival} {...form.register(`awards.${index}.festival`)} />
                  </FormField>
                  <FormField label={t("awards.section")} hint={t("optional")} error={err(`awards.${index}.section`, e?.section)}>
                    <Input autoComplete="off" defaultValue={award.section ?? undefined} {...form.register(`awards.${index}.section`)} />
                  </FormField>
                  <FormField label={t("awards.award")} error={err(`awards.${index}.award`, e?.award)}>
                    <Input autoComplete="off" defaultValue={award.award} {...form.register(`awards.${index}.award`)} />
                  </FormField>
                  <FormField label={t("awards.year")} error={err(`awards.${index}.year`, e?.year)}>
                    <Input
                      type="number"
                      inputMode="numeric"
                      defaultValue={award.year}
                      {...form.register(`awards.${index}.year`, { setValueAs: toInt })}
                    />
                  </FormField>
                  <RemoveRowButton
                    label={t("awards.remove", { number: index + 1 })}
                    className="sm:mt-6"
                    onClick={() => awards.remove(index)}
                  />
                </fieldset>
              );
            })}
            <div>
              <AddRowButton
                onClick={() =>
                  awards.append({ festival: "", section: "", award: "", year: new Date().getFullYear() }, { shouldFocus: true })
                }
              >
                {t("awards.add")}
              </AddRowButton>
            </div>
          </CardContent>
        </Card>

        <FormAlert messages={action.formError} />
        <div className="flex flex-col-reverse gap-2 sm:flex-row sm:justify-end">
          <Button asChild variant="outline">
            <Link href={props.mode === "edit" ? `/titles/${props.titleId}` : "/titles"}>{t("cancel")}</Link>
          </Button>
          <Button type="submit" loading={isSubmitting} disabled={stale}>
            {props.mode === "create" ? (isSubmitting ? t("creating") : t("create")) : isSubmitting ? t("saving") : t("save")}
          </Button>
        </div>
      </fieldset>
    </form>
  );
}
