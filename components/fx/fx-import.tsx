"use client";

import { FileUp } from "lucide-react";
import { useRouter } from "next/navigation";
import { useTranslations } from "next-intl";
import { useRef, useState } from "react";
import { toast } from "sonner";
import { useActionError } from "@/components/forms/action-error";
import { callAction } from "@/components/forms/call-action";
import { useHydrated } from "@/components/forms/use-hydrated";
import { Button } from "@/components/ui/button";
import { FormField } from "@/components/ui/form-field";
import { Input } from "@/components/ui/input";
import type { ActionResult } from "@/lib/actions/result";

type RowError = { row: string; column: string; message: string };

/** Rows of `rows.<row>.<column>` field errors, in row order. */
function rowErrors(fieldErrors: Record<string, string[]> | undefined): RowError[] {
  return Object.entries(fieldErrors ?? {})
    .flatMap(([path, messages]) => {
      const m = /^rows\.(\d+)\.(\w+)$/.exec(path);
      return m ? messages.map((message) => ({ row: m[1]!, column: m[2]!, message })) : [];
    })
    .sort((a, b) => Number(a.row) - Number(b.row));
}

/** CSV/XLSX import of rates: check first (dry run), then import; nothing is saved if any row is wrong. */
export function FxImport({ action }: { action: (form: FormData) => Promise<ActionResult<{ rows: number; dryRun: boolean }>> }) {
  const t = useTranslations("outcomes.fxPage");
  const actionError = useActionError();
  const router = useRouter();
  const hydrated = useHydrated();
  const input = useRef<HTMLInputElement>(null);
  const [busy, setBusy] = useState<"check" | "import" | null>(null);
  const [errors, setErrors] = useState<RowError[]>([]);
  const [fileError, setFileError] = useState<string | undefined>();
  const [ready, setReady] = useState<number | null>(null);

  const columnLabel = (c: string) => (c === "date" || c === "base" || c === "quote" || c === "rate" ? t(`columns.${c}`) : c);
  const columnMessage = (e: RowError) =>
    e.column === "date"
      ? t("form.errors.date")
      : e.column === "rate"
        ? t("form.errors.rate")
        : e.column === "base" || e.column === "quote"
          ? t("form.errors.code")
          : e.message;

  async function run(dryRun: boolean) {
    const file = input.current?.files?.[0];
    if (!file) {
      setFileError(t("import.chooseFile"));
      return;
    }
    setFileError(undefined);
    setBusy(dryRun ? "check" : "import");
    const data = new FormData();
    data.set("file", file);
    data.set("dryRun", String(dryRun));
    const result = await callAction(() => action(data));
    setBusy(null);
    if (!result.ok) {
      setErrors(rowErrors(result.fieldErrors));
      setReady(null);
      const fileMessage = result.fieldErrors?.file?.[0];
      if (fileMessage) setFileError(fileMessage);
      toast.error(actionError(result));
      return;
    }
    setErrors([]);
    if (dryRun) setReady(result.data.rows);
    else {
      setReady(null);
      toast.success(t("import.imported", { count: result.data.rows }));
      if (input.current) input.current.value = "";
      router.refresh();
    }
  }

  return (
    <div className="flex flex-col gap-4" data-testid="fx-import">
      <FormField label={t("import.file")} error={fileError}>
        <Input
          ref={input}
          type="file"
          accept=".csv,.xlsx,text/csv,application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"
          disabled={!hydrated}
          onChange={() => {
            setReady(null);
            setErrors([]);
          }}
        />
      </FormField>
      <div className="flex flex-wrap gap-2">
        <Button type="button" variant="outline" disabled={!hydrated} loading={busy === "check"} onClick={() => run(true)}>
          {t("import.check")}
        </Button>
        <Button type="button" disabled={!hydrated} loading={busy === "import"} onClick={() => run(false)}>
          <FileUp aria-hidden />
          {t("import.submit")}
        </Button>
      </div>
      {ready !== null ? (
        <p className="text-sm text-[oklch(0.45_0.09_185)]" role="status">
          {t("import.checked", { count: ready })}
        </p>
      ) : null}
      {errors.length > 0 ? (
        <div role="alert" className="rounded-lg border border-destructive/40 bg-destructive/5 p-3 text-sm">
          <p className="mb-2 font-medium text-destructive">{t("import.rowErrors")}</p>
          <ul className="flex flex-col gap-1" data-testid="fx-import-errors">
            {errors.map((e) => (
              <li key={`${e.row}-${e.column}-${e.message}`}>
                <span className="font-mono text-xs">{t("import.rowLabel", { row: e.row, column: columnLabel(e.column) })}</span>{" "}
                {columnMessage(e)}
              </li>
            ))}
          </ul>
        </div>
      ) : null}
    </div>
  );
}
