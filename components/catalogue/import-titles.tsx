"use client";

import { CheckCircle2, Download, FileSpreadsheet, FileUp, RotateCcw, Upload, XCircle } from "lucide-react";
import { useLocale, useTranslations } from "next-intl";
import { useId, useRef, useState } from "react";
import type { z } from "zod";
import { useErrorText } from "@/components/forms/use-error-text";
import { useHydrated } from "@/components/forms/use-hydrated";
import { Alert, AlertDescription, AlertTitle } from "@/components/ui/alert";
import { Badge } from "@/components/ui/badge";
import { Button } from "@/components/ui/button";
import { Card, CardContent, CardDescription, CardHeader, CardTitle } from "@/components/ui/card";
import { Link } from "@/components/ui/link";
import { Table, TableBody, TableCell, TableHead, TableHeader, TableRow } from "@/components/ui/table";
import { type importCommittedSchema, type importPreviewSchema, MAX_IMPORT_BYTES, MAX_IMPORT_ROWS } from "@/lib/catalogue/import-template";
import { toCsv } from "@/lib/files/csv";
import { useFormat } from "@/lib/i18n/use-format";
import { getGenre } from "@/lib/reference/genres";
import { cn } from "@/lib/utils";

type ImportPreview = z.output<typeof importPreviewSchema>;
type ImportCommitted = z.output<typeof importCommittedSchema>;
type RowError = { path: string; row?: number; column?: string; message: string; code?: string; params?: Record<string, unknown> };
type Problem = { status: number; detail?: string; code?: string; params?: Record<string, unknown>; errors?: RowError[] };

type Step =
  | { kind: "idle" }
  | { kind: "sending"; file: File; commit: boolean; progress: number | null }
  | { kind: "preview"; file: File; report: ImportPreview }
  | { kind: "done"; created: number }
  | { kind: "failed"; file: File | null; problem: Problem };

/** Errors listed on the page; the rest are in the downloadable CSV. */
const SHOWN_ERRORS = 200;

/**
 * POSTs the file with XMLHttpRequest, whose upload events give real progress for large files
 * (fetch has none). The answer is the preview, the import result or a problem+json.
 */
function send(file: File, commit: boolean, onProgress: (fraction: number | null) => void): Promise<{ status: number; body: unknown }> {
  return new Promise((resolve, reject) => {
    const xhr = new XMLHttpRequest();
    xhr.open("POST", `/api/v1/titles/import?dryRun=${commit ? "false" : "true"}`);
    xhr.responseType = "json";
    xhr.upload.onprogress = (event) => onProgress(event.lengthComputable ? event.loaded / event.total : null);
    // Upload finished: the server now reads and checks every row.
    xhr.upload.onload = () => onProgress(null);
    xhr.onload = () => resolve({ status: xhr.status, body: xhr.response });
    xhr.onerror = () => reject(new Error("network"));
    const body = new FormData();
    body.set("file", file);
    xhr.send(body);
  });
}

export function ImportTitles() {
  const t = useTranslations("catalogue.import");
  const f = useFormat();
  const inputId = useId();
  const input = useRef<HTMLInputElement>(null);
  const [step, setStep] = useState<Step>({ kind: "idle" });
  const [dragging, setDragging] = useState(false);
  // The file input appears once hydrated, so a file chosen earlier is never dropped on the floor.
  const hydrated = useHydrated();
  const errorText = useErrorText();

  async function run(file: File, commit: boolean) {
    if (file.size > MAX_IMPORT_BYTES) {
      setStep({
        kind: "failed",
        file,
        problem: { status: 413, detail: t("tooLarge", { size: f.number(MAX_IMPORT_BYTES / 1024 / 1024) }) },
      });
      return;
    }
    setStep({ kind: "sending", file, commit, progress: 0 });
    try {
      const { status, body } = await send(file, commit, (progress) => setStep({ kind: "sending", file, commit, progress }));
      if (status === 200 && !commit) setStep({ kind: "preview", file, report: body as ImportPreview });
      else if (status === 201 && commit) setStep({ kind: "done", created: (body as ImportCommitted).created });
      else setStep({ kind: "failed", file, problem: { status, ...(typeof body === "object" && body !== null ? body : {}) } });
    } catch {
      setStep({ kind: "failed", file, problem: { status: 0, detail: t("network") } });
    }
  }

  function choose(file: File | undefined) {
    if (file) void run(file, false);
    if (input.current) input.current.value = "";
  }

  function reset() {
    setStep({ kind: "idle" });
  }

  function downloadErrors(errors: RowError[]) {
    const rows = errors.map((e) => [e.row ?? "", e.column ?? "", errorText(e)]);
    const blob = new Blob([toCsv(["row", "column", "message"], rows, [0])], { type: "text/csv;charset=utf-8" });
    const url = URL.createObjectURL(blob);
    const a = document.createElement("a");
    a.href = url;
    a.download = "import-problems.csv";
    a.click();
    URL.revokeObjectURL(url);
  }

  const templates = (
    <div className="flex flex-wrap items-center gap-2 text-sm">
      <span className="text-muted-foreground">{t("template")}</span>
      <Button asChild variant="outline" size="sm">
        <a href="/api/v1/titles/import/template?format=xlsx" download>
          <FileSpreadsheet aria-hidden />
          {t("templateXlsx")}
        </a>
      </Button>
      <Button asChild variant="outline" size="sm">
        <a href="/api/v1/titles/import/template?format=csv" download>
          <Download aria-hidden />
          {t("templateCsv")}
        </a>
      </Button>
    </div>
  );

  if (step.kind === "done")
    return (
      <Alert variant="success" data-testid="import-done">
        <CheckCircle2 aria-hidden />
        <AlertTitle>{t("done.title", { count: step.created })}</AlertTitle>
        <AlertDescription>
          <p>{t("done.description")}</p>
          <div className="mt-3 flex flex-wrap gap-2">
            <Button asChild size="sm">
              <Link href="/titles?sort=updated&order=desc">{t("done.view")}</Link>
            </Button>
            <Button variant="outline" size="sm" onClick={reset}>
              {t("done.another")}
            </Button>
          </div>
        </AlertDescription>
      </Alert>
    );

  return (
    <div className="grid gap-6">
      <Card>
        <CardHeader>
          <CardTitle>{t("upload.title")}</CardTitle>
          <CardDescription>
            {t("upload.description", { rows: f.number(MAX_IMPORT_ROWS), size: f.number(MAX_IMPORT_BYTES / 1024 / 1024) })}
          </CardDescription>
        </CardHeader>
        <CardContent className="grid gap-4">
          {step.kind === "sending" ? (
            <div className="grid gap-2 rounded-lg border bg-muted/30 p-4" data-testid="import-progress">
              <div className="flex items-center justify-between gap-3 text-sm">
                <span className="truncate font-medium">{step.file.name}</span>
                <span className="shrink-0 text-muted-foreground tabular-nums">
                  {step.progress === null
                    ? step.commit
                      ? t("progress.importing")
                      : t("progress.checking")
                    : t("progress.uploading", { percent: f.percent(Math.round(step.progress * 100)) })}
                </span>
              </div>
              <div
                role="progressbar"
                aria-label={t("progress.label")}
                aria-valuemin={0}
                aria-valuemax={100}
                aria-valuenow={step.progress === null ? undefined : Math.round(step.progress * 100)}
                className="h-2 overflow-hidden rounded-full bg-muted"
              >
                <div
                  className={cn("h-full rounded-full bg-primary transition-[width]", step.progress === null && "w-full animate-pulse")}
                  style={step.progress === null ? undefined : { width: `${Math.max(2, step.progress * 100)}%` }}
                />
              </div>
            </div>
          ) : (
            <label
              htmlFor={inputId}
              onDragOver={(e) => {
                e.preventDefault();
                setDragging(true);
              }}
              onDragLeave={() => setDragging(false)}
              onDrop={(e) => {
                e.preventDefault();
                setDragging(false);
                choose(e.dataTransfer.files[0]);
              }}
              className={cn(
                "flex cursor-pointer flex-col items-center justify-center gap-2 rounded-xl border-2 border-dashed px-6 py-10 text-center transition-colors hover:border-primary/40 hover:bg-accent/30 has-[input:focus-visible]:ring-3 has-[input:focus-visible]:ring-ring/30",
                dragging && "border-primary bg-accent/40",
              )}
            >
              <span className="flex size-10 items-center justify-center rounded-full bg-accent text-primary">
                <FileUp className="size-5" aria-hidden />
              </span>
              <span className="text-sm font-medium">{t("upload.drop")}</span>
              <span className="text-xs text-muted-foreground">{t("upload.formats")}</span>
              {hydrated ? (
                <input
                  ref={input}
                  id={inputId}
                  type="file"
                  accept=".csv,.xlsx,text/csv,application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"
                  className="sr-only"
                  aria-label={t("upload.choose")}
                  onChange={(e) => choose(e.target.files?.[0])}
                />
              ) : null}
            </label>
          )}
          {templates}
        </CardContent>
      </Card>

      {step.kind === "failed" ? (
        <ProblemView
          problem={step.problem}
          onRetry={step.file ? () => step.file && run(step.file, false) : undefined}
          onReset={reset}
          onDownload={downloadErrors}
        />
      ) : null}

      {step.kind === "preview" ? (
        <PreviewView
          report={step.report}
          fileName={step.file.name}
          onImport={() => run(step.file, true)}
          onReset={reset}
          onDownload={downloadErrors}
        />
      ) : null}
    </div>
  );
}

function PreviewView({
  report,
  fileName,
  onImport,
  onReset,
  onDownload,
}: {
  report: ImportPreview;
  fileName: string;
  onImport: () => void;
  onReset: () => void;
  onDownload: (errors: RowError[]) => void;
}) {
  const t = useTranslations("catalogue.import");
  const tKind = useTranslations("catalogue.kinds");
  const tVisibility = useTranslations("catalogue.visibility");
  const locale = useLocale();
  const genreName = (code: string) => {
    const genre = getGenre(code);
    return genre ? (locale === "zh" ? genre.name.zh : genre.name.en) : code;
  };
  const badRows = new Set(report.errors.map((e) => e.row)).size;
  const errorsByRow = new Map<number, number>();
  for (const e of report.errors) errorsByRow.set(e.row, (errorsByRow.get(e.row) ?? 0) + 1);
  const ready = report.errors.length === 0 && report.valid > 0;

  return (
    <section aria-labelledby="preview-heading" className="grid gap-4" data-testid="import-preview">
      <div className="flex flex-wrap items-end justify-between gap-3">
        <div className="grid gap-1">
          <h2 id="preview-heading" className="text-base font-semibold">
            {t("preview.title")}
          </h2>
          <p className="text-sm text-muted-foreground">
            {t("preview.summary", { file: fileName, rows: report.rows, valid: report.valid, bad: badRows })}
          </p>
        </div>
        <div className="flex flex-wrap gap-2">
          <Button variant="outline" onClick={onReset}>
            <RotateCcw aria-hidden />
            {t("preview.another")}
          </Button>
          <Button onClick={onImport} disabled={!ready}>
            <Upload aria-hidden />
            {t("preview.import", { count: report.valid })}
          </Button>
        </div>
      </div>

      {report.errors.length > 0 ? (
        <Alert variant="destructive">
          <XCircle aria-hidden />
          <AlertTitle>{t("preview.blocked", { count: badRows })}</AlertTitle>
          <AlertDescription>{t("preview.blockedHint")}</AlertDescription>
        </Alert>
      ) : report.valid === 0 ? (
        <Alert variant="warning">
          <AlertDescription>{t("preview.emptyFile")}</AlertDescription>
        </Alert>
      ) : (
        <Alert variant="success">
          <CheckCircle2 aria-hidden />
          <AlertDescription>{t("preview.ready", { count: report.valid })}</AlertDescription>
        </Alert>
      )}

      {report.errors.length > 0 ? <ErrorsTable errors={report.errors} onDownload={onDownload} /> : null}

      {report.preview.length > 0 ? (
        <div className="grid gap-2">
          <h3 className="text-sm font-medium text-muted-foreground">
            {t("preview.firstRows", { count: report.preview.length, total: report.rows })}
          </h3>
          <div className="min-w-0 overflow-hidden rounded-xl border bg-card shadow-xs">
            <Table aria-label={t("preview.tableLabel")}>
              <TableHeader>
                <TableRow className="hover:bg-transparent">
                  <TableHead scope="col" className="w-16">
                    {t("columns.row")}
                  </TableHead>
                  <TableHead scope="col">{t("columns.status")}</TableHead>
                  <TableHead scope="col">{t("columns.originalTitle")}</TableHead>
                  <TableHead scope="col">{t("columns.titleEn")}</TableHead>
                  <TableHead scope="col">{t("columns.titleZh")}</TableHead>
                  <TableHead scope="col">{t("columns.kind")}</TableHead>
                  <TableHead scope="col">{t("columns.year")}</TableHead>
                  <TableHead scope="col">{t("columns.genres")}</TableHead>
                  <TableHead scope="col">{t("columns.visibility")}</TableHead>
                </TableRow>
              </TableHeader>
              <TableBody>
                {report.preview.map((row) => (
                  <TableRow key={row.row} className={cn(!row.valid && "bg-destructive/5")}>
                    <TableCell className="tabular-nums text-muted-foreground">{row.row}</TableCell>
                    <TableCell>
                      {row.valid ? (
                        <Badge variant="success">{t("status.ok")}</Badge>
                      ) : (
                        <Badge variant="destructive">{t("status.problems", { count: errorsByRow.get(row.row) ?? 1 })}</Badge>
                      )}
                    </TableCell>
                    <TableCell className="max-w-56 truncate font-medium">{row.cells.originalTitle}</TableCell>
                    <TableCell className="max-w-48 truncate">{row.cells.titleEn}</TableCell>
                    <TableCell className="max-w-40 truncate">{row.cells.titleZh}</TableCell>
                    <TableCell>{row.title ? tKind(row.title.kind) : row.cells.kind}</TableCell>
                    <TableCell className="tabular-nums">{row.cells.year}</TableCell>
                    <TableCell className="max-w-48 truncate">
                      {row.title ? row.title.genres.map(genreName).join(", ") : row.cells.genres}
                    </TableCell>
                    <TableCell>{row.title ? tVisibility(row.title.visibility) : row.cells.visibility}</TableCell>
                  </TableRow>
                ))}
              </TableBody>
            </Table>
          </div>
        </div>
      ) : null}
    </section>
  );
}

function ErrorsTable({ errors, onDownload }: { errors: RowError[]; onDownload: (errors: RowError[]) => void }) {
  const t = useTranslations("catalogue.import");
  const errorText = useErrorText();
  const shown = errors.slice(0, SHOWN_ERRORS);
  return (
    <div className="grid gap-2" data-testid="import-errors">
      <div className="flex flex-wrap items-center justify-between gap-2">
        <h3 className="text-sm font-medium">{t("errors.title", { count: errors.length })}</h3>
        <Button variant="outline" size="sm" onClick={() => onDownload(errors)}>
          <Download aria-hidden />
          {t("errors.download")}
        </Button>
      </div>
      <div className="min-w-0 overflow-hidden rounded-xl border bg-card shadow-xs">
        <Table aria-label={t("errors.title", { count: errors.length })}>
          <TableHeader>
            <TableRow className="hover:bg-transparent">
              <TableHead scope="col" className="w-16">
                {t("columns.row")}
              </TableHead>
              <TableHead scope="col" className="w-40">
                {t("columns.column")}
              </TableHead>
              <TableHead scope="col">{t("columns.message")}</TableHead>
            </TableRow>
          </TableHeader>
          <TableBody>
            {shown.map((e) => (
              <TableRow key={`${e.path}:${e.message}`}>
                <TableCell className="tabular-nums">{e.row ?? "—"}</TableCell>
                <TableCell className="font-mono text-xs">{e.column ?? "—"}</TableCell>
                <TableCell>{errorText(e)}</TableCell>
              </TableRow>
            ))}
          </TableBody>
        </Table>
      </div>
      {errors.length > shown.length ? (
        <p className="text-xs text-muted-foreground">{t("errors.more", { count: errors.length - shown.length })}</p>
      ) : null}
    </div>
  );
}

function ProblemView({
  problem,
  onRetry,
  onReset,
  onDownload,
}: {
  problem: Problem;
  onRetry?: () => void;
  onReset: () => void;
  onDownload: (errors: RowError[]) => void;
}) {
  const t = useTranslations("catalogue.import");
  const errorText = useErrorText();
  const rowErrors = (problem.errors ?? []).filter((e) => e.row !== undefined);
  const detail = problem.code ? errorText({ code: problem.code, params: problem.params, message: problem.detail }) : problem.detail;
  const title =
    problem.status === 413
      ? t("failed.tooLarge")
      : problem.status === 415
        ? t("failed.type")
        : problem.status === 403
          ? t("failed.forbidden")
          : problem.status === 0
            ? t("failed.network")
            : rowErrors.length > 0
              ? t("failed.rows")
              : t("failed.generic");
  return (
    <div className="grid gap-4" data-testid="import-failed">
      <Alert variant="destructive">
        <XCircle aria-hidden />
        <AlertTitle>{title}</AlertTitle>
        <AlertDescription>
          {detail ? <p>{detail}</p> : null}
          <div className="mt-3 flex flex-wrap gap-2">
            {onRetry && problem.status === 0 ? (
              <Button variant="outline" size="sm" onClick={onRetry}>
                {t("failed.retry")}
              </Button>
            ) : null}
            <Button variant="outline" size="sm" onClick={onReset}>
              {t("preview.another")}
            </Button>
          </div>
        </AlertDescription>
      </Alert>
      {rowErrors.length > 0 ? <ErrorsTable errors={rowErrors} onDownload={onDownload} /> : null}
    </div>
  );
}
