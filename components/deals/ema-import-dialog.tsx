"use client";

import { FileSpreadsheet, Upload } from "lucide-react";
import { useRouter } from "next/navigation";
import { useTranslations } from "next-intl";
import type * as React from "react";
import { useId, useState } from "react";
import { toast } from "sonner";
import { useErrorText } from "@/components/forms/use-error-text";
import { Alert, AlertDescription, AlertTitle } from "@/components/ui/alert";
import { Button } from "@/components/ui/button";
import { Dialog, DialogContent, DialogDescription, DialogFooter, DialogHeader, DialogTitle, DialogTrigger } from "@/components/ui/dialog";
import { FormField } from "@/components/ui/form-field";
import { Input } from "@/components/ui/input";
import { Table, TableBody, TableCell, TableHead, TableHeader, TableRow } from "@/components/ui/table";

type RowError = { path?: string; message: string; row?: number; column?: string; sheet?: string; code?: string; params?: unknown };
/** What the import did beyond the sheet's words (Episode rows licensed as their season). */
type ImportNote = { code: string; params: unknown; message: string; rows: { sheet: string; row: number }[] };
type Problem = { type?: string; detail?: string; errors?: RowError[] };

const reasonOf = (p: Problem) => (p.type ?? "").split("/").pop()?.toUpperCase().replaceAll("-", "_") ?? "";

/**
 * Imports an EMA Avails sheet (XLSX or CSV) as grants of this deal through
 * POST /api/v1/deals/{id}/grants/import: every row is checked first and nothing is written when
 * any row is wrong, so the per-row errors can be fixed in the sheet and the file sent again.
 */
export function EmaImportDialog({ dealId, version }: { dealId: string; version: number }) {
  const t = useTranslations("deals.import");
  const tActions = useTranslations("common.actions");
  const router = useRouter();
  const errorText = useErrorText();
  // Coded row problems (seasons, episodes, …) in the reader's language; the others as the server words them.
  const rowText = (r: { code?: unknown; params?: unknown; message: string }) =>
    r.code && r.code !== "INVALID_VALUE" ? errorText(r) : r.message;
  const fileId = useId();
  const [open, setOpen] = useState(false);
  const [file, setFile] = useState<File | null>(null);
  const [openEndDate, setOpenEndDate] = useState("");
  const [pending, setPending] = useState(false);
  const [problem, setProblem] = useState<{ message: string; rows: RowError[] } | null>(null);

  async function submit(event: React.FormEvent) {
    event.preventDefault();
    if (!file) {
      setProblem({ message: t("chooseFile"), rows: [] });
      return;
    }
    setPending(true);
    setProblem(null);
    try {
      const body = new FormData();
      body.set("file", file);
      const qs = new URLSearchParams({ version: String(version), ...(openEndDate ? { openEndDate } : {}) });
      const res = await fetch(`/api/v1/deals/${dealId}/grants/import?${qs}`, { method: "POST", body });
      if (res.ok) {
        const data = (await res.json()) as { imported: { rows: number; grants: number; notes?: ImportNote[] } };
        toast.success(t("done", { grants: data.imported.grants, rows: data.imported.rows }));
        for (const note of data.imported.notes ?? []) toast.info(rowText(note), { duration: 10_000 });
        setOpen(false);
        router.refresh();
        return;
      }
      const p = (await res.json().catch(() => ({}))) as Problem;
      const reason = reasonOf(p);
      if (reason === "STALE_UPDATE") {
        setProblem({ message: t("stale"), rows: [] });
        router.refresh();
      } else if (res.status === 413) setProblem({ message: t("tooLarge"), rows: [] });
      else if (res.status === 415) setProblem({ message: t("wrongType"), rows: [] });
      else setProblem({ message: p.detail ?? t("failed"), rows: p.errors ?? [] });
    } catch {
      setProblem({ message: t("failed"), rows: [] });
    } finally {
      setPending(false);
    }
  }

  return (
    <Dialog
      open={open}
      onOpenChange={(next) => {
        if (next) {
          setFile(null);
          setOpenEndDate("");
          setProblem(null);
        }
        setOpen(next);
      }}
    >
      <DialogTrigger asChild>
        <Button variant="outline" size="sm">
          <Upload aria-hidden />
          {t("button")}
        </Button>
      </DialogTrigger>
      <DialogContent className="max-w-2xl">
        <form onSubmit={submit} noValidate className="grid gap-4">
          <DialogHeader>
            <DialogTitle>{t("title")}</DialogTitle>
            <DialogDescription>{t("description")}</DialogDescription>
          </DialogHeader>
          <FormField label={t("file")} id={fileId} description={t("fileHint")}>
            <Input
              type="file"
              accept=".xlsx,.csv,text/csv,application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"
              onChange={(e) => setFile(e.target.files?.[0] ?? null)}
            />
          </FormField>
          <FormField label={t("openEnd")} hint={t("optional")} description={t("openEndHint")}>
            <Input type="date" value={openEndDate} onChange={(e) => setOpenEndDate(e.target.value)} className="max-w-48" />
          </FormField>
          {problem ? (
            <Alert variant="destructive">
              <FileSpreadsheet aria-hidden />
              <AlertTitle>
                {problem.rows.length > 0
                  ? t("rowErrors", { count: new Set(problem.rows.map((r) => `${r.sheet}:${r.row}`)).size })
                  : t("refused")}
              </AlertTitle>
              {problem.rows.length > 0 ? null : <AlertDescription>{problem.message}</AlertDescription>}
            </Alert>
          ) : null}
          {problem && problem.rows.length > 0 ? (
            <div className="max-h-72 overflow-y-auto rounded-lg border">
              <Table aria-label={t("rowErrorsLabel")}>
                <TableHeader>
                  <TableRow className="hover:bg-transparent">
                    <TableHead>{t("sheet")}</TableHead>
                    <TableHead>{t("row")}</TableHead>
                    <TableHead>{t("column")}</TableHead>
                    <TableHead>{t("message")}</TableHead>
                  </TableRow>
                </TableHeader>
                <TableBody>
                  {problem.rows.map((r) => (
                    <TableRow key={`${r.sheet}-${r.row}-${r.column}-${r.path}-${r.message}`}>
                      <TableCell>{r.sheet ?? "—"}</TableCell>
                      <TableCell className="tabular-nums">{r.row || "—"}</TableCell>
                      <TableCell className="font-mono text-xs">{r.column || r.path || "—"}</TableCell>
                      <TableCell className="text-xs">{rowText(r)}</TableCell>
                    </TableRow>
                  ))}
                </TableBody>
              </Table>
            </div>
          ) : null}
          <DialogFooter>
            <Button type="button" variant="outline" onClick={() => setOpen(false)} disabled={pending}>
              {tActions("cancel")}
            </Button>
            <Button type="submit" loading={pending}>
              {t("submit")}
            </Button>
          </DialogFooter>
        </form>
      </DialogContent>
    </Dialog>
  );
}
