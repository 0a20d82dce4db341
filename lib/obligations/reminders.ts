import "server-only";
import { toDbDate, wallClockIn } from "@/lib/dates";
import { db } from "@/lib/db/client";
import { inTx } from "@/lib/db/tx";
import { logger } from "@/lib/log/logger";
import { appUrl } from "@/lib/mail/outbox";
import { money } from "@/lib/money/currency";
import { notifyAndEmail } from "@/lib/notifications/commands";
import { orgTimeZone } from "@/lib/orgs/time-zone";
import { titleName } from "./present";
import { type ObligationOrg, orgObligations } from "./queries";
import { daysUntil, type Obligation, reminderFor, sideOf } from "./rules";
import type { ReminderStage } from "./schema";

/**
 * The reminders job. It runs hourly (lib/jobs/registry.ts); each organisation is handled once per
 * local day, on the first run at or after 09:00 on its wall clock (organization.time_zone, else
 * its home country's zone), and `reminder_run` records that the day is done. A manual run
 * (`npm run jobs:run -- reminders`) acts for every organisation now, whatever its hour.
 *
 * For each obligation the organisation owes or is owed (or, for an expiry or a holdback, is party
 * to) that is in a reminder stage today (rules.ts `reminderFor`), one transaction inserts the
 * (organisation, obligation, stage) row — `INSERT … ON CONFLICT DO NOTHING` on its unique key, so
 * a rerun, a retry or a second worker inserts nothing and sends nothing — and, only when the row
 * was inserted, tells the owners and admins in-app and by e-mail (the outbox), in their language.
 */

export const REMINDER_HOUR = 9;
const ROLES = ["OWNER", "ADMIN"] as const;

export type ReminderSummary = { organizations: number; reminders: number; notifications: number; emails: number };

function about(o: Obligation): string | null {
  const d = o.detail;
  if (o.kind === "STATEMENT" || o.kind === "OVERAGE_PAYMENT") return `${d.periodStart} – ${d.periodEnd}`;
  if (o.kind === "FX_RATE_MISSING") return `${d.pair} ${d.month}`;
  if (o.kind === "EDIT_DECISION") return String(d.request ?? "");
  if (o.kind === "MG_INSTALMENT") return `#${d.instalment}`;
  if (o.kind === "RENEWAL_NOTICE") return `→ ${d.extendsTo}`;
  return null;
}

async function remind(org: ObligationOrg & { name: string }, o: Obligation, stage: ReminderStage, today: string) {
  return inTx(async (tx) => {
    // ON CONFLICT DO NOTHING: a concurrent run's row (committed or not) makes this one insert nothing.
    const inserted = await tx.obligationReminder.createMany({
      data: [
        { orgId: org.id, obligationId: o.id, stage, kind: o.kind, dueDate: toDbDate(o.dueDate), localDate: toDbDate(today), recipients: 0 },
      ],
      skipDuplicates: true,
    });
    if (inserted.count === 0) return null;
    const side = sideOf(o, org.id);
    const days = daysUntil(o.dueDate, today);
    const outstanding = o.outstandingMinor !== null && o.currency ? money(o.outstandingMinor, o.currency) : null;
    const told = await notifyAndEmail(tx, {
      orgId: org.id,
      roles: ROLES,
      kind: "obligation.reminder",
      subjectType: o.subject.type,
      subjectId: o.subject.id,
      params: {
        obligationId: o.id,
        obligationKind: o.kind,
        stage,
        side,
        days,
        dueDate: o.dueDate,
        dealName: o.deal?.name ?? null,
        titleEn: o.title ? titleName(o.title.names, "en") : null,
        titleZh: o.title ? titleName(o.title.names, "zh") : null,
        about: about(o),
      },
      href: o.href,
      preferenceKind: o.kind,
      // What the digest's sentence reads (lib/notifications/text.ts: reminders).
      digestParams: {
        deal: o.deal?.name ?? null,
        titlesEn: o.title ? [titleName(o.title.names, "en")] : [],
        titlesZh: o.title ? [titleName(o.title.names, "zh")] : [],
        dueDate: o.dueDate,
        overdue: days < 0,
        amount: outstanding?.amount ?? null,
        currency: outstanding?.currency ?? null,
      },
      email: ({ name, locale }) => ({
        template: "obligation-reminder",
        vars: {
          name,
          organization: org.name,
          kind: o.kind,
          side,
          days,
          dueDate: o.dueDate,
          deal: o.deal?.name ?? null,
          title: o.title ? titleName(o.title.names, locale) : null,
          outstanding: outstanding ? `${outstanding.amount} ${outstanding.currency}` : null,
          about: about(o),
          url: appUrl(o.href),
        },
      }),
    });
    await tx.obligationReminder.update({
      where: { orgId_obligationId_stage: { orgId: org.id, obligationId: o.id, stage } },
      data: { recipients: told.userIds.length },
    });
    return told;
  });
}

/** Sends the reminders due now. `force` (manual runs) ignores the 09:00 local gate. */
export async function runReminders(options: { now?: Date; force?: boolean } = {}): Promise<ReminderSummary> {
  const now = options.now ?? new Date();
  const orgs = await db.organization.findMany({
    where: { kind: { in: ["STUDIO", "PARTNER", "FACILITY", "PLATFORM"] } },
    select: { id: true, name: true, kind: true, timeZone: true, homeCountry: true },
    orderBy: { id: "asc" },
  });
  const summary: ReminderSummary = { organizations: 0, reminders: 0, notifications: 0, emails: 0 };
  for (const org of orgs) {
    const local = wallClockIn(now, orgTimeZone(org));
    if (!options.force && local.hour < REMINDER_HOUR) continue;
    if (!options.force) {
      const done = await db.reminderRun.findUnique({ where: { orgId_localDate: { orgId: org.id, localDate: toDbDate(local.date) } } });
      if (done) continue;
    }
    const { today, obligations } = await orgObligations(org, now);
    let sent = 0;
    for (const o of obligations) {
      if (!o.parties.includes(org.id)) continue;
      const stage = reminderFor(o, today);
      if (!stage) continue;
      const told = await remind(org, o, stage, today);
      if (!told) continue;
      sent += 1;
      summary.notifications += told.userIds.length;
      summary.emails += told.emails;
    }
    await db.$executeRaw`
      INSERT INTO reminder_run (org_id, local_date, reminders) VALUES (${org.id}::uuid, ${today}::date, ${sent})
      ON CONFLICT (org_id, local_date) DO UPDATE SET reminders = reminder_run.reminders + EXCLUDED.reminders, finished_at = now()`;
    summary.organizations += 1;
    summary.reminders += sent;
    if (sent > 0) logger.info({ orgId: org.id, localDate: today, reminders: sent }, "reminders.sent");
  }
  return summary;
}
