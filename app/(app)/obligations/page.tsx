import type { Metadata } from "next";
import { getLocale, getTranslations } from "next-intl/server";
import { PageHeader } from "@/components/common/page-header";
import { CalendarFeedBox } from "@/components/obligations/calendar-feed-box";
import { CalendarFilters } from "@/components/obligations/calendar-filters";
import { obligationQueryOf, parseCalendarParams } from "@/components/obligations/calendar-model";
import { AgendaView, CalendarToolbar, MonthView } from "@/components/obligations/calendar-views";
import { KindLegend } from "@/components/obligations/obligation-item";
import { requireSession } from "@/lib/auth/gate";
import { formatDateTime } from "@/lib/i18n/format";
import { createCalendarFeedAction, revokeCalendarFeedAction } from "@/lib/obligations/actions";
import { currentFeed } from "@/lib/obligations/feeds";
import { calendarObligations, organizationToday } from "@/lib/obligations/queries";
import { OBLIGATION_KINDS } from "@/lib/obligations/schema";

export async function generateMetadata(): Promise<Metadata> {
  const t = await getTranslations("obligations");
  return { title: t("title") };
}

type Param = string | string[] | undefined;

/**
 * The obligations calendar: every dated thing the organisation owes, is owed or should know, as a
 * month grid or an agenda, filtered by kind, side and status (all in the URL), on the
 * organisation's calendar date; and the person's private calendar feed.
 */
export default async function ObligationsPage({ searchParams }: { searchParams: Promise<Record<string, Param>> }) {
  const { actor } = await requireSession();
  const search = await searchParams;
  const locale = await getLocale();
  const lang = locale === "zh" ? "zh" : "en";
  const params = parseCalendarParams(search, await organizationToday(actor));
  const [calendar, feed, t] = await Promise.all([
    calendarObligations(actor, obligationQueryOf(params), lang),
    currentFeed(actor),
    getTranslations("obligations"),
  ]);
  const today = calendar?.today ?? "1970-01-01";
  const items = calendar?.items ?? [];

  return (
    <>
      <PageHeader title={t("title")} description={t("intro")} />
      <div className="grid items-start gap-6 xl:grid-cols-[minmax(0,1fr)_20rem]">
        <div className="flex min-w-0 flex-col gap-4">
          <CalendarFilters />
          <CalendarToolbar params={params} today={today} />
          {params.view === "month" ? <MonthView params={params} today={today} items={items} /> : <AgendaView items={items} today={today} />}
          <KindLegend kinds={OBLIGATION_KINDS} />
        </div>
        <CalendarFeedBox
          activeSince={feed ? formatDateTime(feed.createdAt, locale) : null}
          createAction={createCalendarFeedAction}
          revokeAction={revokeCalendarFeedAction}
        />
      </div>
    </>
  );
}
