"use client";

import { zodResolver } from "@hookform/resolvers/zod";
import { FileUp, ListPlus, Plus } from "lucide-react";
import { useRouter } from "next/navigation";
import { useTranslations } from "next-intl";
import { useRef, useState } from "react";
import { type DefaultValues, useForm } from "react-hook-form";
import { toast } from "sonner";
import type { z } from "zod";
import { fieldsNamed } from "@/components/forms/field-errors";
import { FormDialog, useFormDialog } from "@/components/forms/form-dialog";
import { postFile } from "@/components/forms/post-file";
import { useActionForm } from "@/components/forms/use-action-form";
import { useErrorText } from "@/components/forms/use-error-text";
import { useFieldError } from "@/components/forms/use-field-error";
import { useHydrated } from "@/components/forms/use-hydrated";
import { Button } from "@/components/ui/button";
import { FormField } from "@/components/ui/form-field";
import { Input } from "@/components/ui/input";
import type { ActionResult } from "@/lib/actions/result";
import { createEpisodeSchema, createSeasonSchema } from "@/lib/catalogue/schema";
import { seasonFieldRules } from "./field-rules";

const toInt = (v: unknown) => (v === "" || v === null || v === undefined ? undefined : Number(v));
const SEASON_FIELDS = ["number", "titles.en", "titles.zh", "releaseDate", "eidr"];
const EPISODE_FIELDS = [...SEASON_FIELDS, "runtimeMinutes"];

type SeasonIn = z.input<typeof createSeasonSchema>;
type SeasonOut = z.output<typeof createSeasonSchema>;

/** "Add season": the next number is proposed; the English title is required, the rest optional. */
export function SeasonDialog({
  titleId,
  nextNumber,
  createAction,
}: {
  titleId: string;
  nextNumber: number;
  createAction: (titleId: string, input: unknown) => Promise<ActionResult<{ id: string }>>;
}) {
  const t = useTranslations("catalogue.seasons");
  const hydrated = useHydrated();
  const err = useFieldError("catalogue.validation", seasonFieldRules);
  const blank = (): DefaultValues<SeasonIn> => ({ number: nextNumber, titles: { en: "", zh: "" }, releaseDate: "", eidr: "" });
  const form = useForm<SeasonIn, unknown, SeasonOut>({
    resolver: zodResolver(createSeasonSchema),
    mode: "onSubmit",
    reValidateMode: "onChange",
    defaultValues: blank(),
  });
  const action = useActionForm({ fields: { form, at: fieldsNamed(SEASON_FIELDS) } });
  const dialog = useFormDialog(action, () => form.reset(blank()));
  const { errors } = form.formState;
  const onSubmit = form.handleSubmit((values) =>
    action.submit(() => createAction(titleId, { ...values, releaseDate: values.releaseDate || undefined }), {
      success: t("seasonAdded"),
      onSuccess: dialog.close,
    }),
  );

  return (
    <FormDialog
      trigger={
        <Button size="sm" disabled={!hydrated}>
          <Plus aria-hidden />
          {t("addSeason")}
        </Button>
      }
      {...dialog.props}
      title={t("addSeasonTitle")}
      description={t("addSeasonDescription")}
      onSubmit={onSubmit}
      submitLabel={t("addSeason")}
    >
      <div className="grid items-start gap-4 sm:grid-cols-2">
        <FormField label={t("fields.number")} error={err("number", errors.number)}>
          <Input type="number" inputMode="numeric" min={1} {...form.register("number", { setValueAs: toInt })} />
        </FormField>
        <FormField label={t("fields.releaseDate")} hint={t("optional")} error={err("releaseDate", errors.releaseDate)}>
          <Input type="date" {...form.register("releaseDate")} />
        </FormField>
        <FormField label={t("fields.titleEn")} error={err("titles.en", errors.titles?.en)}>
          <Input {...form.register("titles.en")} />
        </FormField>
        <FormField label={t("fields.titleZh")} hint={t("optional")} error={err("titles.zh", errors.titles?.zh)}>
          <Input {...form.register("titles.zh")} />
        </FormField>
        <FormField label={t("fields.eidr")} hint={t("optional")} error={err("eidr", errors.eidr)} className="sm:col-span-2">
          <Input className="font-mono" placeholder="10.5240/XXXX-XXXX-XXXX-XXXX-XXXX-C" {...form.register("eidr")} />
        </FormField>
      </div>
    </FormDialog>
  );
}

type EpisodeIn = z.input<typeof createEpisodeSchema>;
type EpisodeOut = z.output<typeof createEpisodeSchema>;

/** "Add episode" to one season. */
export function EpisodeDialog({
  titleId,
  seasonId,
  seasonNumber,
  nextNumber,
  createAction,
}: {
  titleId: string;
  seasonId: string;
  seasonNumber: number;
  nextNumber: number;
  createAction: (titleId: string, seasonId: string, input: unknown) => Promise<ActionResult<{ id: string }>>;
}) {
  const t = useTranslations("catalogue.seasons");
  const hydrated = useHydrated();
  const err = useFieldError("catalogue.validation", seasonFieldRules);
  const blank = (): DefaultValues<EpisodeIn> => ({ number: nextNumber, titles: { en: "", zh: "" }, releaseDate: "", eidr: "" });
  const form = useForm<EpisodeIn, unknown, EpisodeOut>({
    resolver: zodResolver(createEpisodeSchema),
    mode: "onSubmit",
    reValidateMode: "onChange",
    defaultValues: blank(),
  });
  const action = useActionForm({ fields: { form, at: fieldsNamed(EPISODE_FIELDS) } });
  const dialog = useFormDialog(action, () => form.reset(blank()));
  const { errors } = form.formState;
  const onSubmit = form.handleSubmit((values) =>
    action.submit(() => createAction(titleId, seasonId, { ...values, releaseDate: values.releaseDate || undefined }), {
      success: t("episodeAdded"),
      onSuccess: dialog.close,
    }),
  );

  return (
    <FormDialog
      trigger={
        <Button size="sm" variant="outline" disabled={!hydrated} aria-label={t("addEpisodeTo", { number: seasonNumber })}>
          <ListPlus aria-hidden />
          {t("addEpisode")}
        </Button>
      }
      {...dialog.props}
      title={t("addEpisodeTitle", { number: seasonNumber })}
      onSubmit={onSubmit}
      submitLabel={t("addEpisode")}
    >
      <div className="grid items-start gap-4 sm:grid-cols-2">
        <FormField label={t("fields.episodeNumber")} error={err("number", errors.number)}>
          <Input type="number" inputMode="numeric" min={1} {...form.register("number", { setValueAs: toInt })} />
        </FormField>
        <FormField label={t("fields.runtime")} hint={t("optional")} error={err("runtimeMinutes", errors.runtimeMinutes)}>
          <Input type="number" inputMode="numeric" min={1} {...form.register("runtimeMinutes", { setValueAs: toInt })} />
        </FormField>
        <FormField label={t("fields.titleEn")} error={err("titles.en", errors.titles?.en)}>
          <Input {...form.register("titles.en")} />
        </FormField>
        <FormField label={t("fields.titleZh")} hint={t("optional")} error={err("titles.zh", errors.titles?.zh)}>
          <Input {...form.register("titles.zh")} />
        </FormField>
        <FormField label={t("fields.releaseDate")} hint={t("optional")} error={err("releaseDate", errors.releaseDate)}>
          <Input type="date" {...form.register("releaseDate")} />
        </FormField>
        <FormField label={t("fields.eidr")} hint={t("optional")} error={err("eidr", errors.eidr)}>
          <Input className="font-mono" placeholder="10.5240/XXXX-XXXX-XXXX-XXXX-XXXX-C" {...form.register("eidr")} />
        </FormField>
      </div>
    </FormDialog>
  );
}

const MAX_BYTES = 5 * 1024 * 1024;
/** Row problems listed in the toast; the rest are counted. */
const SHOWN_PROBLEMS = 5;

/**
 * Imports a season's episodes from a CSV or XLSX file through the API (all or nothing); the
 * server's problems are said in the viewer's language, row by row.
 */
export function ImportEpisodesButton({ titleId, seasonId, seasonNumber }: { titleId: string; seasonId: string; seasonNumber: number }) {
  const t = useTranslations("catalogue.seasons");
  const errorText = useErrorText();
  const router = useRouter();
  const input = useRef<HTMLInputElement>(null);
  const [busy, setBusy] = useState(false);
  const hydrated = useHydrated();

  async function upload(file: File) {
    if (file.size > MAX_BYTES) {
      toast.error(t("importTooLarge"));
      return;
    }
    setBusy(true);
    const answer = await postFile(`/api/v1/titles/${titleId}/seasons/${seasonId}/episodes/import`, file);
    setBusy(false);
    if (input.current) input.current.value = "";
    if (answer.ok) {
      toast.success(t("imported"));
      router.refresh();
      return;
    }
    const problems = (answer.problem?.errors ?? []).map((e) => {
      const row = /^rows\.(\d+)\./.exec(e.path ?? "")?.[1];
      const text = errorText(e);
      return row ? t("rowProblem", { row, problem: text }) : text;
    });
    const more = problems.length > SHOWN_PROBLEMS ? [t("moreProblems", { count: problems.length - SHOWN_PROBLEMS })] : [];
    toast.error(t("importFailed"), { description: [...problems.slice(0, SHOWN_PROBLEMS), ...more].join("\n") || undefined });
  }

  return (
    <>
      {hydrated ? (
        <input
          ref={input}
          type="file"
          accept=".csv,.xlsx,text/csv,application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"
          className="sr-only"
          tabIndex={-1}
          aria-hidden
          data-testid={`episodes-input-${seasonNumber}`}
          onChange={(e) => {
            const file = e.target.files?.[0];
            if (file) void upload(file);
          }}
        />
      ) : null}
      <Button
        type="button"
        size="sm"
        variant="outline"
        loading={busy}
        disabled={!hydrated}
        aria-label={t("importTo", { number: seasonNumber })}
        title={t("importHint")}
        onClick={() => input.current?.click()}
      >
        {busy ? null : <FileUp aria-hidden />}
        {t("import")}
      </Button>
    </>
  );
}
