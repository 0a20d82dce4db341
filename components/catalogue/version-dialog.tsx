"use client";

import { zodResolver } from "@hookform/resolvers/zod";
import { Pencil, Plus, RotateCw } from "lucide-react";
import { useLocale, useTranslations } from "next-intl";
import { useMemo, useState } from "react";
import { type DefaultValues, useFieldArray, useForm } from "react-hook-form";
import { z } from "zod";
import { fieldsNamed } from "@/components/forms/field-errors";
import { FormDialog, useFormDialog } from "@/components/forms/form-dialog";
import { MultiSelect, type MultiSelectOption } from "@/components/forms/multi-select";
import { AddRowButton, RemoveRowButton } from "@/components/forms/row-buttons";
import { ListField, SelectField } from "@/components/forms/select-field";
import { useActionForm } from "@/components/forms/use-action-form";
import { useFieldError } from "@/components/forms/use-field-error";
import { useHydrated } from "@/components/forms/use-hydrated";
import { Alert, AlertDescription } from "@/components/ui/alert";
import { Button } from "@/components/ui/button";
import { FormField } from "@/components/ui/form-field";
import { Input } from "@/components/ui/input";
import { Textarea } from "@/components/ui/textarea";
import type { ActionResult } from "@/lib/actions/result";
import { EDIT_CATEGORIES, updateVersionSchema, VERSION_STATUSES } from "@/lib/catalogue/schema";
import { catalogueFieldRules, formPath } from "./field-rules";
import { languageLabel, languageOptions, parseLanguageTag } from "./languages";

/** A territory as the picker needs it (lib/territories stays on the server; the page sends these). */
export type TerritoryChoice = { code: string; type: "COUNTRY" | "REGION" | "GROUP"; name: { en: string; zh: string } };

/**
 * The version form validates with the API's version rules (updateVersionSchema: the form holds
 * every field, so each rule applies) plus the parent version; the server action validates again
 * with createVersionSchema or updateVersionSchema.
 */
const versionFormSchema = updateVersionSchema.extend({ derivedFromId: z.uuid().nullable() });
type VersionFormInput = z.input<typeof versionFormSchema>;
type VersionFormOutput = z.output<typeof versionFormSchema>;

export type VersionValues = {
  name: string;
  derivedFromId: string | null;
  territories: string[];
  audioLanguages: string[];
  subtitleLanguages: string[];
  runtimeMinutes: number | null;
  status: (typeof VERSION_STATUSES)[number];
  eidrEdit: string;
  changes: { category: (typeof EDIT_CATEGORIES)[number]; description: string }[];
};

const FIELDS = [
  "name",
  "derivedFromId",
  "territories",
  "audioLanguages",
  "subtitleLanguages",
  "runtimeMinutes",
  "status",
  "eidrEdit",
  "changes",
];
const toIntOrNull = (v: unknown) => (v === "" || v === null || v === undefined ? null : Number(v));

type Common = {
  titleId: string;
  /** Versions of the title, for "derived from". */
  versions: { id: string; name: string }[];
  territories: TerritoryChoice[];
  suggestedLanguages: readonly string[];
};

export type VersionDialogProps = Common &
  (
    | {
        mode: "create";
        defaults: DefaultValues<VersionValues>;
        createAction: (titleId: string, input: unknown) => Promise<ActionResult<{ id: string }>>;
      }
    | {
        mode: "edit";
        versionId: string;
        versionName: string;
        lockVersion: number;
        defaults: VersionValues;
        updateAction: (titleId: string, versionId: string, input: unknown) => Promise<ActionResult<{ id: string; lockVersion: number }>>;
      }
  );

export function VersionDialog(props: VersionDialogProps) {
  const t = useTranslations("catalogue.versionForm");
  const tStatus = useTranslations("catalogue.versionStatus");
  const tCategory = useTranslations("catalogue.editCategories");
  const tType = useTranslations("catalogue.territoryTypes");
  const locale = useLocale();
  const hydrated = useHydrated();
  const fieldError = useFieldError("catalogue.validation", catalogueFieldRules);
  const [stale, setStale] = useState(false);

  const form = useForm<VersionFormInput, unknown, VersionFormOutput>({
    resolver: zodResolver(versionFormSchema),
    // The dialog focuses its first field: validating on blur would flag it before anything was typed.
    mode: "onSubmit",
    reValidateMode: "onChange",
    defaultValues: props.defaults,
  });
  const action = useActionForm({
    fields: { form, at: fieldsNamed(FIELDS, formPath), text: fieldError.server },
    onRefused: (refusal) => {
      if (refusal.reason !== "STALE_UPDATE") return false;
      setStale(true);
      return true;
    },
  });
  const dialog = useFormDialog(action, () => {
    form.reset(props.defaults);
    setStale(false);
  });
  const changes = useFieldArray({ control: form.control, name: "changes" });
  const { errors } = form.formState;
  const err = fieldError;

  const territoryOptions = useMemo<MultiSelectOption[]>(
    () =>
      props.territories.map((item) => ({
        value: item.code,
        label: locale === "zh" ? item.name.zh : item.name.en,
        group: tType(item.type),
        hint: item.code,
        keywords: `${item.name.en} ${item.name.zh}`,
      })),
    [props.territories, locale, tType],
  );
  const territoryLabel = useMemo(() => new Map(territoryOptions.map((o) => [o.value, o.label])), [territoryOptions]);
  const languages = useMemo(() => languageOptions(props.suggestedLanguages, locale), [props.suggestedLanguages, locale]);

  const onSubmit = form.handleSubmit(() => {
    const v = form.getValues();
    const body = {
      name: v.name,
      territories: v.territories,
      audioLanguages: v.audioLanguages,
      subtitleLanguages: v.subtitleLanguages,
      runtimeMinutes: v.runtimeMinutes ?? null,
      status: v.status,
      // An emptied EIDR edit ID is removed (null), not left alone.
      eidrEdit: typeof v.eidrEdit === "string" && v.eidrEdit.trim() !== "" ? v.eidrEdit : null,
      changes: v.changes ?? [],
    };
    return action.submit(
      () =>
        props.mode === "create"
          ? props.createAction(props.titleId, { ...body, kind: "INTERNATIONAL", derivedFromId: v.derivedFromId })
          : props.updateAction(props.titleId, props.versionId, { ...body, lockVersion: props.lockVersion }),
      {
        success: props.mode === "create" ? t("created", { name: v.name ?? "" }) : t("saved", { name: v.name ?? "" }),
        onSuccess: dialog.close,
      },
    );
  });

  return (
    <FormDialog
      trigger={
        props.mode === "create" ? (
          <Button size="sm" disabled={!hydrated}>
            <Plus aria-hidden />
            {t("add")}
          </Button>
        ) : (
          <Button variant="outline" size="sm" disabled={!hydrated} aria-label={t("editNamed", { name: props.versionName })}>
            <Pencil aria-hidden />
            {t("edit")}
          </Button>
        )
      }
      {...dialog.props}
      title={props.mode === "create" ? t("addTitle") : t("editTitle", { name: props.versionName })}
      description={props.mode === "create" ? t("addDescription") : t("editDescription")}
      className="max-w-2xl"
      onSubmit={onSubmit}
      submitLabel={props.mode === "create" ? t("submitAdd") : t("submitEdit")}
      pendingLabel={t("saving")}
      submitDisabled={stale}
    >
      {stale ? (
        <Alert variant="destructive">
          <RotateCw aria-hidden />
          <AlertDescription>
            <p>{t("stale")}</p>
            <Button type="button" variant="outline" size="sm" className="mt-2" onClick={() => window.location.reload()}>
              {t("reload")}
            </Button>
          </AlertDescription>
        </Alert>
      ) : null}
      <div className="grid items-start gap-4 sm:grid-cols-2">
        <FormField
          label={t("fields.name")}
          error={err("name", errors.name)}
          className={props.mode === "create" ? undefined : "sm:col-span-2"}
        >
          <Input autoComplete="off" placeholder={t("fields.namePlaceholder")} {...form.register("name")} />
        </FormField>
        {props.mode === "create" ? (
          <SelectField
            control={form.control}
            name="derivedFromId"
            label={t("fields.derivedFrom")}
            error={err("derivedFromId", errors.derivedFromId)}
            options={props.versions.map((v) => ({ value: v.id, label: v.name }))}
          />
        ) : null}
        <ListField
          control={form.control}
          name="territories"
          label={t("fields.territories")}
          description={t("fields.territoriesHint")}
          error={err("territories", errors.territories as { message?: string; type?: string } | undefined)}
          className="sm:col-span-2"
        >
          {(list) => (
            <MultiSelect
              {...list}
              options={territoryOptions}
              placeholder={t("fields.territoriesPlaceholder")}
              searchPlaceholder={t("fields.territoriesSearch")}
              labelOf={(code) => territoryLabel.get(code) ?? code}
            />
          )}
        </ListField>
        {(["audioLanguages", "subtitleLanguages"] as const).map((name) => (
          <ListField
            key={name}
            control={form.control}
            name={name}
            label={t(`fields.${name}`)}
            error={err(name, errors[name] as { message?: string; type?: string } | undefined)}
          >
            {(list) => (
              <MultiSelect
                {...list}
                options={languages}
                placeholder={t("fields.languagesPlaceholder")}
                searchPlaceholder={t("fields.languagesSearch")}
                parseCustom={parseLanguageTag}
                labelOf={(tag) => languageLabel(tag, locale)}
              />
            )}
          </ListField>
        ))}
        <FormField label={t("fields.runtime")} hint={t("optional")} error={err("runtimeMinutes", errors.runtimeMinutes)}>
          <Input type="number" inputMode="numeric" min={1} {...form.register("runtimeMinutes", { setValueAs: toIntOrNull })} />
        </FormField>
        <SelectField
          control={form.control}
          name="status"
          label={t("fields.status")}
          error={err("status", errors.status)}
          options={VERSION_STATUSES.map((s) => ({ value: s, label: tStatus(s) }))}
        />
        <FormField
          label={t("fields.eidrEdit")}
          hint={t("optional")}
          error={err("eidrEdit", errors.eidrEdit, form.getValues("eidrEdit"))}
          className="sm:col-span-2"
        >
          <Input
            autoComplete="off"
            spellCheck={false}
            className="font-mono"
            placeholder="10.5240/XXXX-XXXX-XXXX-XXXX-XXXX-C"
            {...form.register("eidrEdit", {
              onChange: (event: { target: { value: string } }) => {
                if (event.target.value.trim().length >= 34 || form.getFieldState("eidrEdit").error) void form.trigger("eidrEdit");
              },
            })}
          />
        </FormField>
      </div>

      <fieldset className="grid gap-3">
        <legend className="text-sm font-medium">{t("changes.title")}</legend>
        <p className="-mt-1 text-xs text-muted-foreground">{t("changes.hint")}</p>
        {changes.fields.map((change, index) => (
          <div
            key={change.id}
            className="grid gap-2 rounded-lg border p-3 sm:grid-cols-[12rem_1fr_auto] sm:items-start"
            data-testid="change-row"
          >
            <SelectField
              control={form.control}
              name={`changes.${index}.category`}
              label={t("changes.category")}
              error={err(`changes.${index}.category`, errors.changes?.[index]?.category)}
              options={EDIT_CATEGORIES.map((c) => ({ value: c, label: tCategory(c) }))}
            />
            <FormField label={t("changes.description")} error={err(`changes.${index}.description`, errors.changes?.[index]?.description)}>
              <Textarea rows={2} className="min-h-9" {...form.register(`changes.${index}.description`)} />
            </FormField>
            <RemoveRowButton label={t("changes.remove", { number: index + 1 })} className="sm:mt-6" onClick={() => changes.remove(index)} />
          </div>
        ))}
        <div>
          <AddRowButton onClick={() => changes.append({ category: "DUBBING", description: "" }, { shouldFocus: true })}>
            {t("changes.add")}
          </AddRowButton>
        </div>
      </fieldset>
    </FormDialog>
  );
}
