import { addDays } from "@/lib/dates";
import type { ObligationView } from "./present";

/**
 * An iCalendar (RFC 5545) document of obligations, pure: one all-day VEVENT per obligation
 * (DTSTART;VALUE=DATE = the due date, DTEND the day after), UID = the obligation's stable id, so
 * a subscribing calendar updates events in place instead of duplicating them. Text is escaped
 * (\\ ; , newline) and lines are folded at 75 octets without splitting a UTF-8 character.
 */

export type IcsEvent = { obligation: ObligationView; summary: string; description: string; url: string };

const escapeText = (value: string) => value.replace(/\\/g, "\\\\").replace(/;/g, "\\;").replace(/,/g, "\\,").replace(/\r?\n/g, "\\n");

const compactDate = (date: string) => date.replaceAll("-", "");

function stamp(now: Date): string {
  return `${now.toISOString().slice(0, 19).replace(/[-:]/g, "")}Z`;
}

/** Folds a content line at 75 octets (continuation lines start with one space). */
export function foldLine(line: string): string {
  const encoder = new TextEncoder();
  if (encoder.encode(line).length <= 75) return line;
  const parts: string[] = [];
  let current = "";
  let size = 0;
  for (const ch of line) {
    const bytes = encoder.encode(ch).length;
    const limit = parts.length === 0 ? 75 : 74;
    if (size + bytes > limit) {
      parts.push(current);
      current = "";
      size = 0;
    }
    current += ch;
    size += bytes;
  }
  parts.push(current);
  return parts.join("\r\n ");
}

export function calendarDocument(args: { name: string; events: readonly IcsEvent[]; now: Date; domain: string }): string {
  const lines = [
    "BEGIN:VCALENDAR",
    "VERSION:2.0",
    "PRODID:-//Rightsbridge//Obligations//EN",
    "CALSCALE:GREGORIAN",
    "METHOD:PUBLISH",
    `X-WR-CALNAME:${escapeText(args.name)}`,
    "REFRESH-INTERVAL;VALUE=DURATION:PT6H",
    "X-PUBLISHED-TTL:PT6H",
  ];
  const dtstamp = stamp(args.now);
  for (const e of args.events) {
    const o = e.obligation;
    lines.push(
      "BEGIN:VEVENT",
      `UID:${escapeText(o.id)}@${args.domain}`,
      `DTSTAMP:${dtstamp}`,
      `DTSTART;VALUE=DATE:${compactDate(o.dueDate)}`,
      `DTEND;VALUE=DATE:${compactDate(addDays(o.dueDate, 1))}`,
      `SUMMARY:${escapeText(e.summary)}`,
      `DESCRIPTION:${escapeText(e.description)}`,
      `URL:${e.url}`,
      `CATEGORIES:${o.kind}`,
      "TRANSP:TRANSPARENT",
      "END:VEVENT",
    );
  }
  lines.push("END:VCALENDAR");
  return `${lines.map(foldLine).join("\r\n")}\r\n`;
}
