import type { Metadata } from "next";
import { getLocale, getTranslations } from "next-intl/server";
import { type Column, DataTable } from "@/components/common/data-table";
import { PageHeader } from "@/components/common/page-header";
import { Badge } from "@/components/ui/badge";
import { requirePermission } from "@/lib/auth/gate";
import { formatDateTime, formatNumber } from "@/lib/i18n/format";
import { type JobRunRow, jobsOverview } from "@/lib/jobs/queries";
import { jobs } from "@/lib/jobs/registry";

export const dynamic = "force-dynamic";

export async function generateMetadata(): Promise<Metadata> {
  const t = await getTranslations("jobs");
  return { title: t("title") };
}

type Overview = Awaited<ReturnType<typeof jobsOverview>>;
type QueueRow = Overview["queues"][number];
type WorkerRow = Overview["workers"][number];

const STATUS_VARIANT = { RUNNING: "secondary", SUCCEEDED: "success", FAILED: "destructive" } as const;

export default async function JobsPage() {
  await requirePermission("platform.jobs.read");
  const [overview, t, locale] = await Promise.all([jobsOverview(jobs), getTranslations("jobs"), getLocale()]);
  const when = (d: Date | null) => (d ? formatDateTime(d, locale, { seconds: true }) : "—");
  const status = (s: JobRunRow["status"]) => <Badge variant={STATUS_VARIANT[s]}>{t(`status.${s}`)}</Badge>;
  const source = (s: string) => (s === "schedule" || s === "queue" || s === "manual" ? t(`sources.${s}`) : s);

  const queueColumns: Column<QueueRow>[] = [
    { id: "name", header: t("columns.name"), cell: (q) => <code className="font-mono text-xs">{q.name}</code> },
    {
      id: "schedule",
      header: t("columns.schedule"),
      cell: (q) => (q.cron ? <code className="font-mono text-xs">{q.cron}</code> : t("manual")),
    },
    { id: "waiting", header: t("columns.waiting"), align: "right", cell: (q) => formatNumber(q.counts.created + q.counts.retry, locale) },
    { id: "active", header: t("columns.active"), align: "right", cell: (q) => formatNumber(q.counts.active, locale) },
    { id: "failed", header: t("columns.failed"), align: "right", cell: (q) => formatNumber(q.counts.failed, locale) },
    { id: "lastRun", header: t("columns.lastRun"), nowrap: true, cell: (q) => when(q.lastRun?.startedAt ?? null) },
    { id: "status", header: t("columns.status"), cell: (q) => (q.lastRun ? status(q.lastRun.status) : "—") },
  ];
  const runColumns: Column<JobRunRow>[] = [
    { id: "name", header: t("columns.name"), cell: (r) => <code className="font-mono text-xs">{r.name}</code> },
    { id: "status", header: t("columns.status"), cell: (r) => status(r.status) },
    { id: "source", header: t("columns.source"), cell: (r) => source(r.source) },
    { id: "started", header: t("columns.started"), nowrap: true, cell: (r) => when(r.startedAt) },
    { id: "finished", header: t("columns.finished"), nowrap: true, cell: (r) => when(r.finishedAt) },
    {
      id: "summary",
      header: t("columns.summary"),
      cell: (r) => (r.summary ? <code className="font-mono text-[11px] break-all">{JSON.stringify(r.summary)}</code> : "—"),
    },
  ];
  const failureColumns: Column<JobRunRow>[] = [
    { id: "name", header: t("columns.name"), cell: (r) => <code className="font-mono text-xs">{r.name}</code> },
    { id: "started", header: t("columns.started"), nowrap: true, cell: (r) => when(r.startedAt) },
    {
      id: "error",
      header: t("columns.error"),
      cell: (r) => <pre className="max-h-40 overflow-auto whitespace-pre-wrap font-mono text-[11px] text-destructive">{r.error}</pre>,
    },
  ];
  const workerColumns: Column<WorkerRow>[] = [
    { id: "worker", header: t("columns.worker"), cell: (w) => <code className="font-mono text-xs">{w.id}</code> },
    { id: "started", header: t("columns.started"), nowrap: true, cell: (w) => when(w.startedAt) },
    { id: "heartbeat", header: t("columns.heartbeat"), nowrap: true, cell: (w) => when(w.beatAt) },
  ];
  const empty = (text: string) => <p className="text-sm text-muted-foreground">{text}</p>;

  return (
    <>
      <PageHeader title={t("title")} description={t("description")} />
      <section aria-labelledby="jobs-queues" className="flex flex-col gap-3">
        <h2 id="jobs-queues" className="text-sm font-medium text-muted-foreground">
          {t("queues")}
        </h2>
        <DataTable label={t("queues")} columns={queueColumns} rows={overview.queues} rowKey={(q) => q.name} />
      </section>
      <section aria-labelledby="jobs-failures" className="mt-6 flex flex-col gap-3">
        <h2 id="jobs-failures" className="text-sm font-medium text-muted-foreground">
          {t("failures")}
        </h2>
        <DataTable
          label={t("failures")}
          columns={failureColumns}
          rows={overview.failures}
          rowKey={(r) => r.id}
          empty={empty(t("noFailures"))}
        />
      </section>
      <section aria-labelledby="jobs-recent" className="mt-6 flex flex-col gap-3">
        <h2 id="jobs-recent" className="text-sm font-medium text-muted-foreground">
          {t("recent")}
        </h2>
        <DataTable label={t("recent")} columns={runColumns} rows={overview.recent} rowKey={(r) => r.id} empty={empty(t("noRuns"))} />
      </section>
      <section aria-labelledby="jobs-workers" className="mt-6 flex flex-col gap-3">
        <h2 id="jobs-workers" className="text-sm font-medium text-muted-foreground">
          {t("workers")}
        </h2>
        <DataTable
          label={t("workers")}
          columns={workerColumns}
          rows={overview.workers}
          rowKey={(w) => w.id}
          empty={empty(t("noWorkers"))}
        />
      </section>
    </>
  );
}
