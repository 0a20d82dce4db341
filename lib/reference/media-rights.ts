/**
 * The media-rights taxonomy of PRODUCT.md §3: two levels, parents and leaves. This is the
 * product's own taxonomy (not an external standard), so it lives here as a typed constant.
 *
 * THEATRICAL and HOME_VIDEO have no children: they are leaves themselves. A grant on a parent
 * covers all its children; conflicts, avails and expanded grant rows always use leaves.
 */
import { UnknownReferenceCodeError } from "./errors";
import type { LocalizedName } from "./types";

type Node = { readonly name: LocalizedName; readonly children?: Readonly<Record<string, LocalizedName>> };

const TAXONOMY = {
  THEATRICAL: { name: { en: "Theatrical", zh: "院线" } },
  TV: {
    name: { en: "Television", zh: "电视" },
    children: {
      FREE_TV: { en: "Free TV", zh: "免费电视" },
      PAY_TV: { en: "Pay TV", zh: "付费电视" },
    },
  },
  DIGITAL: {
    name: { en: "Digital", zh: "数字网络" },
    children: {
      SVOD: { en: "Subscription VOD (SVOD)", zh: "订阅视频点播（SVOD）" },
      AVOD: { en: "Ad-supported VOD (AVOD)", zh: "广告视频点播（AVOD）" },
      TVOD: { en: "Transactional VOD (TVOD)", zh: "按次付费点播（TVOD）" },
      EST: { en: "Electronic sell-through (EST)", zh: "数字购买下载（EST）" },
    },
  },
  NON_THEATRICAL: {
    name: { en: "Non-theatrical", zh: "非院线" },
    children: {
      AIRLINE: { en: "Airline", zh: "航空" },
      SHIP: { en: "Ship", zh: "船舶" },
      HOTEL: { en: "Hotel", zh: "酒店" },
      EDUCATIONAL: { en: "Educational", zh: "教育" },
    },
  },
  HOME_VIDEO: { name: { en: "Home video", zh: "家庭录像（音像制品）" } },
  DERIVATIVE: {
    name: { en: "Derivative works", zh: "改编衍生作品" },
    children: {
      REMAKE: { en: "Remake", zh: "翻拍" },
      FORMAT: { en: "Format", zh: "节目模式" },
      SEQUEL: { en: "Sequel", zh: "续集" },
    },
  },
  ANCILLARY: {
    name: { en: "Ancillary", zh: "附属权利" },
    children: {
      MERCHANDISING: { en: "Merchandising", zh: "商品化" },
      GAME_ADAPTATION: { en: "Game adaptation", zh: "游戏改编" },
      COMICS_WEBTOON: { en: "Comics / webtoon", zh: "漫画／条漫" },
      SOUNDTRACK: { en: "Soundtrack", zh: "原声音乐" },
      LIVE_EVENTS: { en: "Live events", zh: "现场活动" },
      THEME_PARK: { en: "Theme park", zh: "主题乐园" },
    },
  },
} as const satisfies Record<string, Node>;

type Taxonomy = typeof TAXONOMY;
type ChildrenOf<P extends keyof Taxonomy> = Taxonomy[P] extends { children: infer C } ? keyof C & string : never;

/** A top-level media right (THEATRICAL, TV, DIGITAL, ...). */
export type MediaRightParentCode = keyof Taxonomy;
/** A leaf media right: a child, or a top-level right without children (THEATRICAL, HOME_VIDEO). */
export type MediaRightLeafCode = {
  [P in MediaRightParentCode]: Taxonomy[P] extends { children: object } ? ChildrenOf<P> : P;
}[MediaRightParentCode];
export type MediaRightCode = MediaRightParentCode | MediaRightLeafCode;

/** One node of `GET /api/v1/media-rights`: leaves have `children: []`. */
export type MediaRightNode = {
  readonly code: MediaRightCode;
  readonly name: LocalizedName;
  readonly children: readonly MediaRightNode[];
};

type Entry = { code: MediaRightCode; name: LocalizedName; parent: MediaRightParentCode | null; leaves: MediaRightLeafCode[] };

const ENTRIES = new Map<string, Entry>();
const TREE: MediaRightNode[] = [];
for (const [parentCode, node] of Object.entries(TAXONOMY) as [MediaRightParentCode, Node][]) {
  const childEntries = Object.entries(node.children ?? {}) as [MediaRightLeafCode, LocalizedName][];
  const leaves = childEntries.length > 0 ? childEntries.map(([c]) => c) : [parentCode as MediaRightLeafCode];
  ENTRIES.set(parentCode, { code: parentCode, name: node.name, parent: null, leaves });
  for (const [code, name] of childEntries) ENTRIES.set(code, { code, name, parent: parentCode, leaves: [code] });
  TREE.push(
    Object.freeze({
      code: parentCode,
      name: node.name,
      children: Object.freeze(childEntries.map(([code, name]) => Object.freeze({ code, name, children: [] }))),
    }),
  );
}
Object.freeze(TREE);

/** Every leaf media right, in taxonomy order (the unit of grant rows and avails). */
export const MEDIA_RIGHT_LEAVES: readonly MediaRightLeafCode[] = Object.freeze(
  [...ENTRIES.values()].filter((e) => e.leaves.length === 1 && e.leaves[0] === e.code).map((e) => e.code as MediaRightLeafCode),
);
/** The top-level media rights, in taxonomy order. */
export const MEDIA_RIGHT_PARENTS: readonly MediaRightParentCode[] = Object.freeze(Object.keys(TAXONOMY) as MediaRightParentCode[]);

/** The tree for `GET /api/v1/media-rights` → `{items: listMediaRights()}`. */
export function listMediaRights(): readonly MediaRightNode[] {
  return TREE;
}

export function isMediaRightCode(code: string): code is MediaRightCode {
  return ENTRIES.has(code);
}

export function isLeafMediaRight(code: string): code is MediaRightLeafCode {
  return (MEDIA_RIGHT_LEAVES as readonly string[]).includes(code);
}

export function getMediaRight(
  code: string,
): { code: MediaRightCode; name: LocalizedName; parent: MediaRightParentCode | null; leaves: readonly MediaRightLeafCode[] } | undefined {
  return ENTRIES.get(code);
}

/** The top-level media right a code belongs to (itself for a parent or a childless leaf). */
export function mediaRightParent(code: MediaRightCode): MediaRightParentCode {
  const e = ENTRIES.get(code);
  if (!e) throw new UnknownReferenceCodeError("mediaRight", [code]);
  return e.parent ?? (e.code as MediaRightParentCode);
}

/** The codes among `codes` that are not media rights (for validation messages). */
export function unknownMediaRightCodes(codes: readonly string[]): string[] {
  return [...new Set(codes.filter((c) => !ENTRIES.has(c)))];
}

/**
 * Expands any mix of parent and leaf media-right codes to the set of leaves they cover
 * (`["TV", "SVOD"]` → `{FREE_TV, PAY_TV, SVOD}`). Codes are exact (upper case, as in the spec).
 * Throws `UnknownReferenceCodeError` (kind "mediaRight") listing every unknown code.
 */
export function expandMediaRights(codes: readonly string[]): Set<MediaRightLeafCode> {
  const unknown = unknownMediaRightCodes(codes);
  if (unknown.length > 0) throw new UnknownReferenceCodeError("mediaRight", unknown);
  const out = new Set<MediaRightLeafCode>();
  for (const c of codes) for (const leaf of (ENTRIES.get(c) as Entry).leaves) out.add(leaf);
  return out;
}
