"use client";

import { Save } from "lucide-react";
import { useTranslations } from "next-intl";
import { useRef } from "react";
import { Controller, useForm, useWatch } from "react-hook-form";
import { errorAt } from "@/components/forms/field-errors";
import { FormAlert } from "@/components/forms/form-alert";
import { SimpleSelect } from "@/components/forms/select-field";
import { useActionForm } from "@/components/forms/use-action-form";
import { useFieldError } from "@/components/forms/use-field-error";
import { useHydrated } from "@/components/forms/use-hydrated";
import { Button } from "@/components/ui/button";
import { Input } from "@/components/ui/input";
import { Textarea } from "@/components/ui/textarea";
import type { ActionResult } from "@/lib/actions/result";
import { EDIT_RULES, type EditPolicy } from "@/lib/edits/schema";
import { cn } from "@/lib/utils";
import { editsFieldRules } from "./field-rules";
import { type PolicyFormValues, policyResolver, policyRows, rowPath, toPolicyPayload } from "./policy-form";
import { RuleBadge } from "./status-badge";
import type { PolicyElementView } from "./types";

export type PolicyEditorProps = {
  titleId: string;
  elements: PolicyElementView[];
  /** The policy version the page read (0 when none): sent with the save, so a newer one is not overwritten. */
  version: number;
  saveAction: (titleId: string, input: EditPolicy) => Promise<ActionResult<{ version: number }>>;
};

/**
 * The studio's policy editor: every §7 category on its own row with a rule, a limit (only for
 * PRE_APPROVED) and a note for partners. Saving creates a new policy version; requests already
 * submitted keep the version they were evaluated against.
 */
export function PolicyEditor({ titleId, elements, version, saveAction }: PolicyEditorProps) {
  const t = useTranslations("edits.policy");
  const tCategory = useTranslations("catalogue.editCategories");
  const tHelp = useTranslations("edits.categoryHelp");
  const tRule = useTranslations("edits.rules");
  const fieldError = useFieldError("edits.validation", editsFieldRules);
  const hydrated = useHydrated();
  // Server paths name rows of the payload, which skips rows without a rule: `rowOf` maps them back.
  const rowOf = useRef<readonly number[]>([]);
  const form = useForm<PolicyFormValues, unknown, EditPolicy>({
    resolver: policyResolver,
    mode: "onChange",
    defaultValues: { rows: policyRows(elements) },
  });
  const { errors, isSubmitting, isDirty } = form.formState;
  const rows = useWatch({ control: form.control, name: "rows" });
  const action = useActionForm({
    fields: { form, at: (path) => rowPath(path, rowOf.current) },
    // Someone saved first: keep the edits on screen (a refresh would replace the editor) and say so.
    reasons: { STALE_UPDATE: t("stale") },
  });

  const onSubmit = form.handleSubmit((payload) => {
    rowOf.current = toPolicyPayload(form.getValues()).rowOf;
    return action.submit(() => saveAction(titleId, { ...payload, version }), {
      success: (data) => t("saved", { version: data.version }),
      onSuccess: () => form.reset(form.getValues()),
    });
  });

  const ruleOptions = [{ value: "NONE", label: tRule("NONE") }, ...EDIT_RULES.map((rule) => ({ value: rule, label: tRule(rule) }))];

  return (
    <form onSubmit={onSubmit} noValidate className="grid gap-4" aria-label={t("editorLabel")}>
      <div className="overflow-hidden rounded-xl border bg-card shadow-xs">
        <div className="hidden grid-cols-[minmax(0,13rem)_minmax(0,12rem)_minmax(0,7rem)_minmax(0,1fr)] gap-4 border-b bg-muted/40 px-4 py-2.5 text-xs font-medium text-muted-foreground lg:grid">
          <span>{t("columns.category")}</span>
          <span>{t("columns.rule")}</span>
          <span>{t("columns.limit")}</span>
          <span>{t("columns.note")}</span>
        </div>
        <ul className="divide-y">
          {rows.map((row, index) => {
            const category = tCategory(row.category);
            const ruleError = fieldError("rule", errorAt(errors, `rows.${index}.rule`));
            const maxError = fieldError("maxPct", errorAt(errors, `rows.${index}.maxPct`));
            const noteError = fieldError("note", errorAt(errors, `rows.${index}.note`));
            const limited = row.rule === "PRE_APPROVED";
            return (
              <li
                key={row.category}
                data-testid="policy-row"
                data-category={row.category}
                className={cn(
                  "grid gap-3 px-4 py-3 lg:grid-cols-[minmax(0,13rem)_minmax(0,12rem)_minmax(0,7rem)_minmax(0,1fr)] lg:items-start lg:gap-4",
                  row.rule === "NONE" && "bg-muted/20",
                )}
              >
                <div className="flex flex-col gap-0.5">
                  <span className="flex items-center gap-2 font-medium">
                    {category}
                    <span className="lg:hidden">
                      <RuleBadge rule={row.rule === "NONE" ? null : row.rule} />
                    </span>
                  </span>
                  <span className="text-xs text-muted-foreground">{tHelp(row.category)}</span>
                </div>
                <div className="grid gap-1">
                  <Controller
                    control={form.control}
                    name={`rows.${index}.rule`}
                    render={({ field }) => (
                      <SimpleSelect
                        ref={field.ref}
                        name={field.name}
                        value={field.value}
                        onValueChange={(value) => {
                          field.onChange(value);
                          void form.trigger();
                        }}
                        onBlur={field.onBlur}
                        disabled={!hydrated}
                        aria-label={t("ruleFor", { category })}
                        aria-invalid={ruleError ? true : undefined}
                        options={ruleOptions}
                      />
                    )}
                  />
                  {ruleError ? (
                    <p className="text-xs font-medium text-destructive" role="alert">
                      {ruleError}
                    </p>
                  ) : null}
                </div>
                <div className="grid gap-1">
                  <div className="relative">
                    <Input
                      inputMode="decimal"
                      autoComplete="off"
                      placeholder={limited ? t("noLimit") : "—"}
                      aria-label={t("limitFor", { category })}
                      aria-invalid={maxError ? true : undefined}
                      disabled={!hydrated || !limited}
                      className="pr-7 tabular-nums"
                      {...form.register(`rows.${index}.maxPct`)}
                    />
                    <span className="pointer-events-none absolute top-1/2 right-2.5 -translate-y-1/2 text-xs text-muted-foreground">%</span>
                  </div>
                  {maxError ? (
                    <p className="text-xs font-medium text-destructive" role="alert">
                      {maxError}
                    </p>
                  ) : null}
                </div>
                <div className="grid gap-1">
                  <Textarea
                    rows={1}
                    className="min-h-9"
                    placeholder={row.rule === "LOCKED" ? t("notePlaceholderLocked") : t("notePlaceholder")}
                    aria-label={t("noteFor", { category })}
                    aria-invalid={noteError ? true : undefined}
                    disabled={!hydrated}
                    {...form.register(`rows.${index}.note`)}
                  />
                  {noteError ? (
                    <p className="text-xs font-medium text-destructive" role="alert">
                      {noteError}
                    </p>
                  ) : null}
                </div>
              </li>
            );
          })}
        </ul>
      </div>
      <FormAlert messages={action.formError} />
      <div className="flex flex-col-reverse gap-3 sm:flex-row sm:items-center sm:justify-between">
        <p className="text-xs text-muted-foreground">{isDirty ? t("unsaved") : t("versionHint")}</p>
        <Button type="submit" loading={isSubmitting} disabled={!hydrated}>
          {isSubmitting ? null : <Save aria-hidden />}
          {t("save")}
        </Button>
      </div>
    </form>
  );
}
