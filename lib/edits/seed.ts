/**
 * Demo edit rights: edit policies on five demo titles and edit requests from
 * Siam Screen (TH) and Aurora Filmes (BR) in every status the flow produces —
 *
 * - APPROVED: Siam Screen's Thai cut of “The Celestial Path”, under the signed SEA streaming deal
 *   (edits permitted): subtitles and a 6% runtime cut pass the policy, the studio approves the
 *   cultural references — an INTERNATIONAL version is created;
 * - PARTIALLY_APPROVED: Aurora's Brazilian version of “Fog Harbour”: the dub passes, the ending is
 *   locked (rejected with the policy note), the studio approves the music change — a version too;
 * - REJECTED: Siam Screen's “Kung Fu Delivery” changes: locked ending, character arc refused;
 * - UNDER_REVIEW: Siam Screen's “Letters of Spring” pacing and an over-the-limit runtime cut, with
 *   comments from both sides and a script note attached;
 * - CHANGES_REQUESTED: Aurora's “Panda Agents” title and comedic timing, sent back by the studio;
 * - DRAFT: Aurora's “Off Orbit” dub (Hanbit has set no policy on it yet);
 * - WITHDRAWN: Siam Screen's “Lantern Town” request, submitted then withdrawn.
 *
 * SUBMITTED is never stored: submission evaluates the items at once and moves the request on to
 * UNDER_REVIEW (or straight to its outcome), so there is no demo request in that status.
 *
 * Everything goes through the commands (setEditPolicy, createEditRequest, submitEditRequest,
 * decideEditRequest, addEditComment, addEditAttachment, withdrawEditRequest) as the demo OWNERs,
 * so the audit log and the notifications exist as if people had done it. Idempotent: a policy is
 * set only on a title without one, a request only when none of that name exists for the partner.
 */
import "server-only";
import type { Actor } from "@/lib/auth/actor";
import { createActor } from "@/lib/auth/actor";
import { db } from "@/lib/db/client";
import type { OrgKind, RoleName } from "@/lib/orgs/schema";
import type { Result } from "@/lib/result";
import { addEditAttachment, addEditComment } from "./commands/conversation";
import { decideEditRequest } from "./commands/decide";
import { createEditRequest } from "./commands/draft";
import { setEditPolicy } from "./commands/policy";
import { submitEditRequest, withdrawEditRequest } from "./commands/submit";
import { createEditRequestSchema, type EditRequestStatus, editPolicySchema } from "./schema";

type Party = "studioCn" | "studioKr" | "partnerTh" | "partnerBr";

const PARTIES: Record<Party, { email: string; org: { name: string; kind: OrgKind } }> = {
  studioCn: { email: "studio@demo.rightsbridge.test", org: { name: "Jade Mountain Pictures", kind: "STUDIO" } },
  studioKr: { email: "studio.kr@demo.rightsbridge.test", org: { name: "Hanbit Story Studios", kind: "STUDIO" } },
  partnerTh: { email: "partner@demo.rightsbridge.test", org: { name: "Siam Screen Distribution", kind: "PARTNER" } },
  partnerBr: { email: "partner.br@demo.rightsbridge.test", org: { name: "Aurora Filmes", kind: "PARTNER" } },
};

type TitleRef = { studio: "studioCn" | "studioKr"; originalTitle: string };

const T = {
  celestialPath: { studio: "studioCn", originalTitle: "天衍仙途" },
  fogHarbour: { studio: "studioCn", originalTitle: "雾港迷踪" },
  kungFuDelivery: { studio: "studioCn", originalTitle: "功夫外卖" },
  lanternTown: { studio: "studioCn", originalTitle: "灯笼小镇" },
  pandaAgents: { studio: "studioCn", originalTitle: "熊猫特工队" },
  lettersOfSpring: { studio: "studioKr", originalTitle: "봄날의 편지" },
  offOrbit: { studio: "studioKr", originalTitle: "궤도 이탈" },
} satisfies Record<string, TitleRef>;

const JADE_POLICY = [
  { category: "ENDING", rule: "LOCKED", note: "The ending is the heart of the story; it stays as the director made it." },
  { category: "PLOT_STRUCTURE", rule: "LOCKED", note: "The order of the story's acts is part of the work." },
  { category: "CHARACTER_ARC", rule: "APPROVAL_REQUIRED", note: "Tell us which scenes and why; the director reviews." },
  { category: "CULTURAL_REFERENCE", rule: "APPROVAL_REQUIRED", note: "We welcome local references; show us the replacement lines." },
  { category: "COMEDIC_TIMING", rule: "APPROVAL_REQUIRED" },
  { category: "MUSIC", rule: "APPROVAL_REQUIRED", note: "Some cues are licensed for the original only." },
  { category: "TITLE", rule: "APPROVAL_REQUIRED", note: "Local titles are agreed with our marketing team." },
  { category: "RUNTIME", rule: "PRE_APPROVED", maxPct: "10", note: "Cuts up to 10% of the runtime for scheduling, no review needed." },
  { category: "DUBBING", rule: "PRE_APPROVED" },
  { category: "SUBTITLES", rule: "PRE_APPROVED" },
  { category: "RATING_CUTS", rule: "PRE_APPROVED", maxPct: "3", note: "Cuts the local rating board requires, up to 3%." },
  { category: "ARTWORK", rule: "APPROVAL_REQUIRED" },
];

const HANBIT_POLICY = [
  { category: "ENDING", rule: "LOCKED", note: "봄날의 편지 ends as written. The ending is not negotiable." },
  { category: "PACING", rule: "APPROVAL_REQUIRED", note: "Episode pacing changes go to the showrunner." },
  { category: "RUNTIME", rule: "PRE_APPROVED", maxPct: "8", note: "Per-episode cuts up to 8% for broadcast slots." },
  { category: "DUBBING", rule: "PRE_APPROVED" },
  { category: "SUBTITLES", rule: "PRE_APPROVED" },
];

const POLICIES: { title: TitleRef; elements: unknown[] }[] = [
  { title: T.celestialPath, elements: JADE_POLICY },
  { title: T.fogHarbour, elements: JADE_POLICY },
  { title: T.kungFuDelivery, elements: JADE_POLICY },
  { title: T.pandaAgents, elements: JADE_POLICY },
  { title: T.lanternTown, elements: JADE_POLICY },
  { title: T.lettersOfSpring, elements: HANBIT_POLICY },
];

type ItemSeed = { category: string; description: string; rationale: string; magnitudePct?: string };

type RequestSeed = {
  name: string;
  partner: "partnerTh" | "partnerBr";
  title: TitleRef;
  territories: string[];
  /** The name of a deal between the two parties to link. */
  deal?: string;
  items: ItemSeed[];
  /** What happens after drafting, in order. */
  steps: Step[];
  expect: EditRequestStatus;
};

type Step =
  | { do: "submit" }
  | { do: "decide"; decisions: { category: string; decision: "APPROVED" | "REJECTED"; note?: string }[] }
  | { do: "requestChanges"; note: string }
  | { do: "comment"; by: Party; body: string }
  | { do: "attach"; by: Party; fileName: string; text: string }
  | { do: "withdraw" };

const REQUESTS: RequestSeed[] = [
  {
    name: "The Celestial Path · Thai streaming cut",
    partner: "partnerTh",
    title: T.celestialPath,
    territories: ["TH"],
    deal: "The Celestial Path · South-east Asia streaming 2026–2028",
    items: [
      {
        category: "SUBTITLES",
        description: "Thai subtitles for every episode, cultivation terms from the Thai glossary.",
        rationale: "Thai SVOD subscribers expect full Thai subtitles.",
      },
      {
        category: "RUNTIME",
        description: "Trim recap openings of episodes 2–40 (about 6% of the runtime).",
        rationale: "Binge viewers skip the recaps; the platform's autoplay does the rest.",
        magnitudePct: "6",
      },
      {
        category: "CULTURAL_REFERENCE",
        description: "Replace the idiom chain in episode 12 with a Thai proverb of the same meaning.",
        rationale: "The wordplay cannot be subtitled; test audiences missed the joke.",
      },
    ],
    steps: [
      { do: "submit" },
      { do: "comment", by: "studioCn", body: "The proverb works — the director likes it. Approving." },
      { do: "decide", decisions: [{ category: "CULTURAL_REFERENCE", decision: "APPROVED", note: "Approved by the director." }] },
    ],
    expect: "APPROVED",
  },
  {
    name: "Fog Harbour · Brazilian version",
    partner: "partnerBr",
    title: T.fogHarbour,
    territories: ["BR"],
    items: [
      {
        category: "DUBBING",
        description: "Brazilian Portuguese dub with São Paulo voice cast.",
        rationale: "Brazilian audiences prefer dubbed crime drama.",
      },
      {
        category: "ENDING",
        description: "Reveal the harbourmaster's fate in an epilogue.",
        rationale: "Open endings test poorly with Brazilian TV audiences.",
      },
      {
        category: "MUSIC",
        description: "Replace the bar-scene song with a licensed bossa nova track.",
        rationale: "The original song is not cleared for Brazil.",
      },
    ],
    steps: [
      { do: "submit" },
      { do: "decide", decisions: [{ category: "MUSIC", decision: "APPROVED", note: "Fine, send us the cue sheet." }] },
    ],
    expect: "PARTIALLY_APPROVED",
  },
  {
    name: "Kung Fu Delivery · Thai theatrical changes",
    partner: "partnerTh",
    title: T.kungFuDelivery,
    territories: ["TH"],
    items: [
      {
        category: "ENDING",
        description: "End on the wedding instead of the last delivery.",
        rationale: "Thai cinema audiences like a happy ending.",
      },
      {
        category: "CHARACTER_ARC",
        description: "Make the rival courier a comic sidekick rather than a villain.",
        rationale: "A Thai comedian plays the dub role.",
      },
    ],
    steps: [
      { do: "submit" },
      {
        do: "decide",
        decisions: [{ category: "CHARACTER_ARC", decision: "REJECTED", note: "The rivalry drives the film; we keep him a villain." }],
      },
    ],
    expect: "REJECTED",
  },
  {
    name: "Letters of Spring · Thai pay-TV edit",
    partner: "partnerTh",
    title: T.lettersOfSpring,
    territories: ["TH"],
    items: [
      {
        category: "PACING",
        description: "Tighten the first two episodes by moving the flashback to episode 3.",
        rationale: "Thai pay-TV viewers drop off in slow openings.",
      },
      {
        category: "RUNTIME",
        description: "Cut episodes to 50 minutes for the evening slot (about 12%).",
        rationale: "The channel's slot is 55 minutes with ads.",
        magnitudePct: "12",
      },
      { category: "SUBTITLES", description: "Thai subtitles.", rationale: "Required by the channel." },
    ],
    steps: [
      { do: "submit" },
      { do: "comment", by: "studioKr", body: "Which scenes would the 12% cut remove? Please send the edit decision list." },
      {
        do: "attach",
        by: "partnerTh",
        fileName: "letters-of-spring-edl-notes.txt",
        text: "EP01 cut 04:10-06:30 (market scene)\nEP02 cut 12:00-15:20 (second flashback)\n",
      },
      { do: "comment", by: "partnerTh", body: "Attached the scene list for episodes 1 and 2." },
    ],
    expect: "UNDER_REVIEW",
  },
  {
    name: "Panda Agents · Brazilian kids version",
    partner: "partnerBr",
    title: T.pandaAgents,
    territories: ["BR"],
    items: [
      {
        category: "TITLE",
        description: "Release as “Agentes Pandas”.",
        rationale: "The English title means nothing to Brazilian children.",
      },
      {
        category: "COMEDIC_TIMING",
        description: "Re-time the slapstick in episodes 1–5 to the Portuguese dialogue.",
        rationale: "The dub runs longer than the Mandarin lines.",
      },
    ],
    steps: [
      { do: "submit" },
      { do: "requestChanges", note: "Please list the scenes for the re-timing and propose two alternative titles." },
    ],
    expect: "CHANGES_REQUESTED",
  },
  {
    name: "Off Orbit · Brazilian dub",
    partner: "partnerBr",
    title: T.offOrbit,
    territories: ["BR"],
    items: [
      {
        category: "DUBBING",
        description: "Brazilian Portuguese dub for theatrical release.",
        rationale: "Family audiences in Brazil see films dubbed.",
      },
    ],
    steps: [],
    expect: "DRAFT",
  },
  {
    name: "Lantern Town · Thai free-TV edit",
    partner: "partnerTh",
    title: T.lanternTown,
    territories: ["TH"],
    items: [
      {
        category: "RATING_CUTS",
        description: "Shorten the fireworks accident scene for the 13+ rating.",
        rationale: "The broadcaster needs a 13+ rating.",
        magnitudePct: "5",
      },
    ],
    steps: [{ do: "submit" }, { do: "withdraw" }],
    expect: "WITHDRAWN",
  },
];

function unwrap<T>(result: Result<T>, what: string): T {
  if (result.ok) return result.value;
  throw new Error(`seed-edits: ${what} refused (${result.reason}): ${result.message} ${JSON.stringify(result.errors ?? [])}`);
}

async function actorFor(party: Party): Promise<Actor | null> {
  const { email, org } = PARTIES[party];
  const row = await db.organization.findFirst({ where: org, select: { id: true, name: true, kind: true, homeCountry: true } });
  const user = await db.user.findUnique({ where: { email }, select: { id: true } });
  if (!row || !user) return null;
  const membership = await db.membership.findUnique({ where: { userId_organizationId: { userId: user.id, organizationId: row.id } } });
  if (!membership) return null;
  return createActor({ userId: user.id, apiKeyId: null, org: row, role: membership.role as RoleName, requestId: "seed" });
}

async function findTitle(studio: Actor, ref: TitleRef) {
  return db.title.findFirst({
    where: { studioId: studio.org.id, originalTitle: ref.originalTitle, archivedAt: null },
    select: { id: true, versions: { where: { kind: "ORIGINAL" }, select: { id: true } } },
  });
}

export type EditsSeedResult = { created: boolean; policies: number; requests: number; skipped: string[] };

/** Creates the demo edit policies and requests (after the demo organisations, catalogue and deals). */
export async function seedEdits(): Promise<EditsSeedResult> {
  const result: EditsSeedResult = { created: false, policies: 0, requests: 0, skipped: [] };
  const actors = {} as Record<Party, Actor>;
  for (const party of Object.keys(PARTIES) as Party[]) {
    const actor = await actorFor(party);
    if (!actor) {
      result.skipped.push(`everything (${PARTIES[party].org.name} or its owner is missing)`);
      return result;
    }
    actors[party] = actor;
  }

  for (const p of POLICIES) {
    const title = await findTitle(actors[p.title.studio], p.title);
    if (!title) {
      result.skipped.push(`policy of “${p.title.originalTitle}” (title not in the catalogue)`);
      continue;
    }
    if ((await db.editPolicy.count({ where: { titleId: title.id } })) > 0) continue;
    const parsed = editPolicySchema.parse({ elements: p.elements });
    unwrap(await setEditPolicy(actors[p.title.studio], title.id, parsed), `policy of “${p.title.originalTitle}”`);
    result.policies++;
  }

  for (const spec of REQUESTS) {
    const what = `request “${spec.name}”`;
    const partner = actors[spec.partner];
    const studio = actors[spec.title.studio];
    if (await db.editRequest.findFirst({ where: { name: spec.name, partnerId: partner.org.id }, select: { id: true } })) continue;
    const title = await findTitle(studio, spec.title);
    const base = title?.versions[0];
    if (!title || !base) {
      result.skipped.push(`${what} (title not in the catalogue)`);
      continue;
    }
    let dealId: string | undefined;
    if (spec.deal) {
      const deal = await db.deal.findFirst({
        where: { name: spec.deal, licensorId: studio.org.id, licenseeId: partner.org.id },
        select: { id: true },
      });
      if (!deal) {
        result.skipped.push(`${what} (deal “${spec.deal}” not seeded)`);
        continue;
      }
      dealId = deal.id;
    }
    const input = createEditRequestSchema.parse({
      name: spec.name,
      titleId: title.id,
      baseVersionId: base.id,
      territories: spec.territories,
      dealId,
      items: spec.items,
    });
    const { id } = unwrap(await createEditRequest(partner, input), what);
    for (const step of spec.steps) {
      switch (step.do) {
        case "submit":
          unwrap(await submitEditRequest(partner, id), `${what} submission`);
          break;
        case "withdraw":
          unwrap(await withdrawEditRequest(partner, id), `${what} withdrawal`);
          break;
        case "requestChanges":
          unwrap(await decideEditRequest(studio, id, { requestChanges: step.note }), `${what} changes requested`);
          break;
        case "comment":
          unwrap(await addEditComment(actors[step.by], id, step.body), `${what} comment`);
          break;
        case "attach":
          unwrap(
            await addEditAttachment(actors[step.by], id, { bytes: new TextEncoder().encode(step.text), fileName: step.fileName }),
            `${what} attachment`,
          );
          break;
        case "decide": {
          const items = await db.editRequestItem.findMany({ where: { requestId: id }, orderBy: { position: "asc" } });
          const decisions = step.decisions.map((d) => {
            const item = items.find((i) => i.category === d.category && i.status === "PENDING");
            if (!item) throw new Error(`seed-edits: ${what} has no waiting ${d.category} item`);
            return { itemId: item.id, decision: d.decision, note: d.note };
          });
          unwrap(await decideEditRequest(studio, id, { items: decisions }), `${what} decision`);
          break;
        }
      }
    }
    const stored = await db.editRequest.findUniqueOrThrow({ where: { id }, select: { status: true } });
    if (stored.status !== spec.expect) throw new Error(`seed-edits: ${what} ended ${stored.status}, expected ${spec.expect}`);
    result.requests++;
  }

  for (const s of result.skipped) console.warn(`seed-edits: skipped ${s}`);
  result.created = result.policies > 0 || result.requests > 0;
  return result;
}
