/**
 * The demo catalogue: 44 titles of the two demo studios across every title
 * kind and the genres of PRODUCT.md §2, with international versions and market tests.
 *
 * Everything goes through the same commands and zod schemas as the API (createTitle,
 * createVersion, createMarketTest, updateTitle), acting as each studio's OWNER with requestId
 * "seed", so the seed obeys the product's rules and leaves a normal audit trail.
 *
 * Idempotent: a title that already exists for its studio (same original title) is skipped with
 * its versions and market tests, so a second run changes nothing and edits made in the app are
 * never overwritten. The titles, festivals' awards and figures are invented; no EIDR IDs are set
 * (a real EIDR ID belongs to a real work).
 */

import type { z } from "zod";
import type { Actor } from "@/lib/auth/actor";
import { createMarketTest, createTitle, createVersion, updateTitle } from "@/lib/catalogue/commands";
import {
  type CreateTitleInput,
  createEpisodeSchema,
  createMarketTestSchema,
  createSeasonSchema,
  createTitleSchema,
  createVersionSchema,
  type EditCategory,
  type MARKET_TEST_METHODS,
  updateTitleSchema,
} from "@/lib/catalogue/schema";
import { createEpisode, createSeason } from "@/lib/catalogue/seasons";
import { db } from "@/lib/db/client";
import { demoOwner } from "@/lib/orgs/seed";
import type { Result } from "@/lib/result";

type StudioKey = "studioCn" | "studioKr";
type Method = (typeof MARKET_TEST_METHODS)[number];

type MarketTestSeed = { territory: string; date: string; audienceSize: number; score: number; method: Method; notes?: string };

type VersionSeed = {
  name: string;
  /** Name of the version it is derived from (default: the ORIGINAL, named "Original"). */
  from?: string;
  territories: string[];
  audioLanguages: string[];
  subtitleLanguages?: string[];
  runtimeMinutes?: number;
  status: "PLANNED" | "IN_PRODUCTION" | "DELIVERED" | "WITHDRAWN";
  changes?: { category: EditCategory; description: string }[];
  tests?: MarketTestSeed[];
};

type TitleSeed = Omit<CreateTitleInput, "eidr"> & {
  studio: StudioKey;
  /** Archived after creation (rights reverted): shown only with the archived filter. */
  archived?: true;
  /** Market tests of the ORIGINAL version (e.g. a subtitled festival screening). */
  originalTests?: MarketTestSeed[];
  versions?: VersionSeed[];
};

const ORIGINAL = "Original";

// ---------------------------------------------------------------------------------------------
// Jade Mountain Pictures (CN)

const JADE_MOUNTAIN: TitleSeed[] = [
  {
    studio: "studioCn",
    kind: "SERIES",
    originalTitle: "天衍仙途",
    titles: { en: "The Celestial Path", zh: "天衍仙途" },
    originalLanguage: "zh",
    genres: ["XIANXIA", "FANTASY", "ROMANCE"],
    year: 2025,
    episodeCount: 34,
    synopsis:
      "A disgraced herbalist's apprentice discovers she carries the last seal of a fallen immortal sect. To break it she must climb the nine realms of cultivation while the sect that destroyed hers hunts her.",
    visibility: "LISTED",
    awards: [{ festival: "Shanghai Television Festival", section: "Magnolia Awards", award: "Best Art Direction", year: 2025 }],
    versions: [
      {
        name: "South-east Asia streaming version",
        territories: ["SEA"],
        audioLanguages: ["zh"],
        subtitleLanguages: ["en", "th", "vi", "id", "ms"],
        status: "DELIVERED",
        changes: [
          { category: "PACING", description: "Cut the 90-second recap from the opening of episodes 2–34." },
          { category: "SUBTITLES", description: "Added an on-screen glossary card for the nine cultivation realms in episode 1." },
        ],
        tests: [
          {
            territory: "VN",
            date: "2025-08-18",
            audienceSize: 2400,
            score: 85,
            method: "ONLINE_PANEL",
            notes: "Episodes 1–3; strongest with viewers 18–34.",
          },
          { territory: "ID", date: "2025-08-25", audienceSize: 1800, score: 81, method: "ONLINE_PANEL" },
          {
            territory: "TH",
            date: "2025-09-02",
            audienceSize: 24,
            score: 88,
            method: "FOCUS_GROUP",
            notes: "Bangkok, two groups of twelve.",
          },
        ],
      },
      {
        name: "Vietnamese dub",
        from: "South-east Asia streaming version",
        territories: ["VN"],
        audioLanguages: ["vi"],
        subtitleLanguages: ["vi"],
        status: "DELIVERED",
        changes: [{ category: "DUBBING", description: "Full Vietnamese dub; sect and realm names kept in Sino-Vietnamese readings." }],
        tests: [{ territory: "VN", date: "2026-01-20", audienceSize: 3100, score: 87, method: "ONLINE_PANEL" }],
      },
    ],
  },
  {
    studio: "studioCn",
    kind: "FILM",
    originalTitle: "孤城剑客",
    titles: { en: "The Lone Citadel Swordsman", zh: "孤城剑客" },
    originalLanguage: "zh",
    genres: ["WUXIA", "ACTION_ADVENTURE", "HISTORICAL"],
    year: 2024,
    runtimeMinutes: 128,
    synopsis:
      "In the last winter of the Tang dynasty, a retired swordsman agrees to hold a frontier citadel for three days so its townspeople can escape. He has twelve defenders, one horse and an old debt to the general leading the siege.",
    visibility: "LISTED",
    awards: [
      { festival: "Golden Horse Awards", award: "Best Action Choreography", year: 2024 },
      { festival: "Shanghai International Film Festival", section: "Golden Goblet Awards", award: "Best Cinematography", year: 2024 },
    ],
    originalTests: [
      {
        territory: "MY",
        date: "2025-03-08",
        audienceSize: 260,
        score: 76,
        method: "SCREENING",
        notes: "Subtitled screening, Kuala Lumpur.",
      },
    ],
    versions: [
      {
        name: "Thai theatrical cut",
        territories: ["TH"],
        audioLanguages: ["th"],
        subtitleLanguages: ["en"],
        runtimeMinutes: 120,
        status: "DELIVERED",
        changes: [
          { category: "RUNTIME", description: "Trimmed 8 minutes of the second act (the council flashbacks)." },
          {
            category: "CULTURAL_REFERENCE",
            description: "Replaced the Tang poetry allusion in the inn scene with a line Thai audiences know.",
          },
        ],
        tests: [
          {
            territory: "TH",
            date: "2025-06-14",
            audienceSize: 320,
            score: 78,
            method: "SCREENING",
            notes: "Recruited audience, Bangkok multiplex.",
          },
          { territory: "TH", date: "2025-06-28", audienceSize: 1500, score: 74, method: "SURVEY" },
        ],
      },
      {
        name: "Latin America Spanish dub",
        territories: ["LATAM"],
        audioLanguages: ["es-419"],
        subtitleLanguages: ["es-419"],
        runtimeMinutes: 128,
        status: "IN_PRODUCTION",
        changes: [{ category: "DUBBING", description: "Neutral Latin American Spanish dub, Mexico City studio." }],
        tests: [
          {
            territory: "MX",
            date: "2026-02-11",
            audienceSize: 800,
            score: 66,
            method: "ONLINE_PANEL",
            notes: "Tested on the dubbed trailer and first reel.",
          },
        ],
      },
    ],
  },
  {
    studio: "studioCn",
    kind: "SERIES",
    originalTitle: "雾港迷踪",
    titles: { en: "Fog Harbour", zh: "雾港迷踪" },
    originalLanguage: "zh",
    genres: ["CRIME", "MYSTERY", "DRAMA"],
    year: 2025,
    episodeCount: 24,
    synopsis:
      "A customs inspector in a 1990s port city follows a container of counterfeit medicine to her own family's shipping company. Each episode peels back another layer of a smuggling ring that owns half the harbour.",
    visibility: "LISTED",
    versions: [
      {
        name: "International English version",
        territories: ["GB", "US", "CA", "ANZ"],
        audioLanguages: ["zh"],
        subtitleLanguages: ["en"],
        status: "DELIVERED",
        changes: [
          { category: "TITLE", description: "English title “Fog Harbour” instead of a literal translation." },
          { category: "RATING_CUTS", description: "Shortened two interrogation scenes in episodes 7 and 15 for a TV-14 rating." },
        ],
        tests: [{ territory: "GB", date: "2025-11-05", audienceSize: 600, score: 72, method: "ONLINE_PANEL" }],
      },
      {
        name: "Brazil Portuguese version",
        from: "International English version",
        territories: ["BR"],
        audioLanguages: ["pt-BR"],
        subtitleLanguages: ["pt-BR"],
        status: "IN_PRODUCTION",
        changes: [{ category: "DUBBING", description: "Brazilian Portuguese dub for free-TV late-night slot." }],
        tests: [
          { territory: "BR", date: "2026-03-17", audienceSize: 1200, score: 62, method: "SURVEY", notes: "Stronger with viewers over 35." },
        ],
      },
    ],
  },
  {
    studio: "studioCn",
    kind: "ANIMATION",
    originalTitle: "山海小灵",
    titles: { en: "Little Spirit of the Mountains and Seas", zh: "山海小灵" },
    originalLanguage: "zh",
    genres: ["FANTASY", "FAMILY", "ACTION_ADVENTURE"],
    year: 2025,
    runtimeMinutes: 102,
    synopsis:
      "A lonely girl befriends a shape-shifting creature from the Classic of Mountains and Seas and must return it to its mountain before the solstice, across a China of dragons, talking rivers and very stubborn grandparents.",
    visibility: "LISTED",
    awards: [{ festival: "Annecy International Animation Film Festival", section: "Contrechamp", award: "Jury Distinction", year: 2025 }],
    versions: [
      {
        name: "Latin America Spanish dub",
        territories: ["LATAM"],
        audioLanguages: ["es-419"],
        subtitleLanguages: ["es-419"],
        runtimeMinutes: 102,
        status: "DELIVERED",
        changes: [
          { category: "DUBBING", description: "Latin American Spanish dub with a child voice cast." },
          { category: "MUSIC", description: "End-credits theme song re-recorded in Spanish." },
        ],
        tests: [
          { territory: "MX", date: "2025-10-04", audienceSize: 450, score: 83, method: "SCREENING", notes: "Family matinee, Guadalajara." },
        ],
      },
      {
        name: "Brazil Portuguese version",
        territories: ["BR"],
        audioLanguages: ["pt-BR"],
        subtitleLanguages: ["pt-BR"],
        runtimeMinutes: 102,
        status: "DELIVERED",
        changes: [
          { category: "DUBBING", description: "Brazilian Portuguese dub." },
          { category: "ARTWORK", description: "Localized title card and poster lettering." },
        ],
        tests: [
          {
            territory: "BR",
            date: "2025-10-18",
            audienceSize: 510,
            score: 86,
            method: "SCREENING",
            notes: "São Paulo, school-holiday preview.",
          },
        ],
      },
    ],
  },
  {
    studio: "studioCn",
    kind: "GAME",
    originalTitle: "斩月：天命之刃",
    titles: { en: "Moonblade: Edge of Fate", zh: "斩月：天命之刃" },
    originalLanguage: "zh",
    genres: ["MOBILE_ACTION_RPG", "WUXIA", "FANTASY"],
    year: 2025,
    synopsis:
      "A free-to-play mobile action RPG: collect wandering swordsmen, master combo-based combat and reclaim the moon-forged blade across 40 chapters of story. Licensed IP: characters and world available for adaptation.",
    visibility: "LISTED",
    awards: [{ festival: "ChinaJoy", award: "Most Anticipated Mobile Game", year: 2024 }],
    versions: [
      {
        name: "South-east Asia localisation",
        territories: ["SEA"],
        audioLanguages: ["zh", "en"],
        subtitleLanguages: ["en", "th", "vi", "id"],
        status: "DELIVERED",
        changes: [
          {
            category: "CULTURAL_REFERENCE",
            description: "Seasonal event calendar uses Songkran, Tết and Lebaran instead of mainland holidays.",
          },
          { category: "ARTWORK", description: "Two character skins redesigned for regional store ratings." },
        ],
        tests: [
          {
            territory: "ID",
            date: "2025-07-09",
            audienceSize: 5000,
            score: 79,
            method: "ONLINE_PANEL",
            notes: "Closed beta, day-7 retention 31%.",
          },
          {
            territory: "VN",
            date: "2025-07-09",
            audienceSize: 4200,
            score: 72,
            method: "ONLINE_PANEL",
            notes: "Closed beta, day-7 retention 26%.",
          },
        ],
      },
    ],
  },
  {
    studio: "studioCn",
    kind: "GAME",
    originalTitle: "荒原突围",
    titles: { en: "Wasteland Breakout", zh: "荒原突围" },
    originalLanguage: "zh",
    genres: ["SANDBOX_SHOOTER", "ACTION_ADVENTURE", "SCI_FI"],
    year: 2026,
    synopsis:
      "An open-world sandbox shooter set on a terraformed steppe where squads build outposts, scavenge drones and hold territory across a persistent season map.",
    visibility: "PRIVATE",
  },
  {
    studio: "studioCn",
    kind: "FORMAT",
    originalTitle: "乡村来了个大厨",
    titles: { en: "A Chef Comes to the Village", zh: "乡村来了个大厨" },
    originalLanguage: "zh",
    genres: ["REALITY", "FAMILY"],
    year: 2024,
    episodeCount: 12,
    synopsis:
      "A variety format: each season a celebrity chef runs the kitchen of a remote village for twelve weeks, cooking only with what the villagers grow, while the village votes on the menu.",
    visibility: "LISTED",
    versions: [
      {
        name: "Thai adaptation pilot",
        territories: ["TH"],
        audioLanguages: ["th"],
        status: "PLANNED",
        changes: [
          { category: "CULTURAL_REFERENCE", description: "Village dishes replaced with Isan regional cuisine; harvest-festival finale." },
          { category: "RUNTIME", description: "Episodes cut from 90 to 60 minutes for a weekly prime-time slot." },
        ],
        tests: [
          {
            territory: "TH",
            date: "2026-04-22",
            audienceSize: 36,
            score: 71,
            method: "FOCUS_GROUP",
            notes: "Paper-format test with three groups.",
          },
        ],
      },
    ],
  },
  {
    studio: "studioCn",
    kind: "FORMAT",
    originalTitle: "一百个陌生人",
    titles: { en: "One Hundred Strangers", zh: "一百个陌生人" },
    originalLanguage: "zh",
    genres: ["REALITY"],
    year: 2025,
    episodeCount: 10,
    synopsis:
      "A social-experiment format in which one hundred strangers share a city block for thirty days and decide, one vote a night, who stays.",
    visibility: "LISTED",
  },
  {
    studio: "studioCn",
    kind: "MUSIC",
    originalTitle: "长安夜曲（电影原声）",
    titles: { en: "Chang'an Nocturne (Original Soundtrack)", zh: "长安夜曲（电影原声）" },
    originalLanguage: "zh",
    genres: ["MUSICAL", "HISTORICAL"],
    year: 2024,
    runtimeMinutes: 58,
    synopsis:
      "Twenty-two cues for pipa, guzheng and chamber orchestra from the score of “The Lone Citadel Swordsman”, plus the theme song in two versions.",
    visibility: "LISTED",
  },
  {
    studio: "studioCn",
    kind: "PUBLISHING",
    originalTitle: "星河摆渡人",
    titles: { en: "Ferryman of the Star River", zh: "星河摆渡人" },
    originalLanguage: "zh",
    genres: ["SCI_FI", "ROMANCE"],
    year: 2023,
    synopsis:
      "A web novel serialised in 1,260 chapters: the pilot of the last passenger ferry between two dying colonies falls for the stowaway who knows why the star lanes are closing.",
    visibility: "LISTED",
  },
  {
    studio: "studioCn",
    kind: "PUBLISHING",
    originalTitle: "长夜将明",
    titles: { en: "Before the Long Night Ends", zh: "长夜将明" },
    originalLanguage: "zh",
    genres: ["XIANXIA", "FANTASY", "ACTION_ADVENTURE"],
    year: 2022,
    synopsis:
      "A completed web novel of 890 chapters about a sword cultivator who wakes three hundred years after his sect's fall. Adaptation rights for series, animation and games available.",
    visibility: "LISTED",
  },
  {
    studio: "studioCn",
    kind: "FILM",
    originalTitle: "归途列车",
    titles: { en: "The Homebound Train", zh: "归途列车" },
    originalLanguage: "zh",
    genres: ["DRAMA", "FAMILY"],
    year: 2023,
    runtimeMinutes: 112,
    synopsis:
      "Three strangers share a sleeper compartment on the 40-hour train home for Spring Festival, and by the end of the line each has to decide who they are going home to.",
    visibility: "LISTED",
    awards: [{ festival: "Shanghai International Film Festival", section: "Golden Goblet Awards", award: "Best Screenplay", year: 2023 }],
    versions: [
      {
        name: "Festival subtitled version",
        territories: ["WORLDWIDE"],
        audioLanguages: ["zh"],
        subtitleLanguages: ["en", "fr"],
        runtimeMinutes: 112,
        status: "DELIVERED",
        changes: [{ category: "SUBTITLES", description: "English and French festival subtitles with a note on Spring Festival travel." }],
      },
    ],
  },
  {
    studio: "studioCn",
    kind: "FILM",
    originalTitle: "长江以南",
    titles: { en: "South of the Yangtze", zh: "长江以南" },
    originalLanguage: "zh",
    genres: ["DRAMA", "HISTORICAL"],
    year: 2022,
    runtimeMinutes: 136,
    synopsis: "Over forty years, two sisters run a silk workshop in a Jiangnan water town through war, collectivisation and reform.",
    visibility: "LISTED",
  },
  {
    studio: "studioCn",
    kind: "FILM",
    originalTitle: "流浪星港",
    titles: { en: "Drifting Starport", zh: "流浪星港" },
    originalLanguage: "zh",
    genres: ["SCI_FI", "ACTION_ADVENTURE"],
    year: 2025,
    runtimeMinutes: 141,
    synopsis:
      "When an orbital port loses its tether above the South China Sea, a night-shift crane operator becomes the only person who can bring forty thousand people home.",
    visibility: "LISTED",
    versions: [
      {
        name: "Indonesia theatrical version",
        territories: ["ID"],
        audioLanguages: ["zh"],
        subtitleLanguages: ["id"],
        runtimeMinutes: 138,
        status: "DELIVERED",
        changes: [{ category: "RATING_CUTS", description: "Removed three seconds of the docking-bay injury for a 13+ rating." }],
        tests: [{ territory: "ID", date: "2025-12-06", audienceSize: 280, score: 69, method: "SCREENING", notes: "Jakarta preview." }],
      },
    ],
  },
  {
    studio: "studioCn",
    kind: "FILM",
    originalTitle: "功夫外卖",
    titles: { en: "Kung Fu Delivery", zh: "功夫外卖" },
    originalLanguage: "zh",
    genres: ["COMEDY", "ACTION_ADVENTURE"],
    year: 2024,
    runtimeMinutes: 98,
    synopsis:
      "A food-delivery rider who secretly trained at a shuttered kung fu school has thirty minutes, one scooter and a wrong address to save his old master's restaurant.",
    visibility: "LISTED",
    versions: [
      {
        name: "Latin America Spanish dub",
        territories: ["LATAM"],
        audioLanguages: ["es-419"],
        subtitleLanguages: ["es-419"],
        runtimeMinutes: 98,
        status: "DELIVERED",
        changes: [
          { category: "DUBBING", description: "Latin American Spanish dub." },
          { category: "COMEDIC_TIMING", description: "Rewrote the dumpling-name puns for Spanish-speaking audiences." },
        ],
        tests: [{ territory: "MX", date: "2025-05-21", audienceSize: 900, score: 58, method: "SURVEY" }],
      },
      {
        name: "Brazil Portuguese version",
        from: "Latin America Spanish dub",
        territories: ["BR"],
        audioLanguages: ["pt-BR"],
        runtimeMinutes: 96,
        status: "WITHDRAWN",
        changes: [{ category: "COMEDIC_TIMING", description: "Re-timed the chase sequence around the new jokes." }],
        tests: [
          {
            territory: "BR",
            date: "2025-07-30",
            audienceSize: 40,
            score: 47,
            method: "FOCUS_GROUP",
            notes: "Jokes did not land; version withdrawn.",
          },
        ],
      },
    ],
  },
  {
    studio: "studioCn",
    kind: "ANIMATION",
    originalTitle: "灯笼小镇",
    titles: { en: "Lantern Town", zh: "灯笼小镇" },
    originalLanguage: "zh",
    genres: ["FAMILY", "FANTASY"],
    year: 2024,
    runtimeMinutes: 95,
    synopsis:
      "In a town where every lantern holds a memory, a boy who cannot remember his mother lights the one lantern nobody is allowed to touch.",
    visibility: "LISTED",
  },
  {
    studio: "studioCn",
    kind: "ANIMATION",
    originalTitle: "熊猫特工队",
    titles: { en: "Panda Agents", zh: "熊猫特工队" },
    originalLanguage: "zh",
    genres: ["COMEDY", "FAMILY", "ACTION_ADVENTURE"],
    year: 2023,
    episodeCount: 52,
    synopsis:
      "Four panda cubs run a not-very-secret agency from a bamboo grove, solving the mysteries of the mountain in eleven-minute episodes.",
    visibility: "LISTED",
  },
  {
    studio: "studioCn",
    kind: "FILM",
    originalTitle: "第七個嫌疑人",
    titles: { en: "The Seventh Suspect", zh: "第七个嫌疑人" },
    originalLanguage: "yue",
    genres: ["CRIME", "MYSTERY", "THRILLER"],
    year: 2024,
    runtimeMinutes: 118,
    synopsis:
      "A Hong Kong detective days from retirement re-opens a jewellery-heist case when a seventh suspect walks into the station to confess.",
    visibility: "LISTED",
  },
  {
    studio: "studioCn",
    kind: "SERIES",
    originalTitle: "烟雨江湖录",
    titles: { en: "Chronicles of the Misty Jianghu", zh: "烟雨江湖录" },
    originalLanguage: "zh",
    genres: ["WUXIA", "HISTORICAL", "ROMANCE"],
    year: 2023,
    episodeCount: 40,
    synopsis:
      "Heirs of four rival martial clans are sent to the same academy in Jiangnan, where an old murder is about to restart a feud none of them wants.",
    visibility: "LISTED",
  },
  {
    studio: "studioCn",
    kind: "SERIES",
    originalTitle: "昆仑雪",
    titles: { en: "Kunlun Snow", zh: "昆仑雪" },
    originalLanguage: "zh",
    genres: ["XIANXIA", "FANTASY"],
    year: 2026,
    episodeCount: 30,
    synopsis:
      "A snow spirit bound to the Kunlun mountains trades her immortality for one mortal year. In production; delivery planned for next year.",
    visibility: "PRIVATE",
  },
  {
    studio: "studioCn",
    kind: "FILM",
    originalTitle: "深海回声",
    titles: { en: "Echoes of the Deep", zh: "深海回声" },
    originalLanguage: "zh",
    genres: ["DOCUMENTARY"],
    year: 2025,
    runtimeMinutes: 88,
    synopsis:
      "Marine biologists follow a pod of Indo-Pacific humpback dolphins through the busiest shipping lanes of the Pearl River Delta.",
    visibility: "LISTED",
    awards: [
      { festival: "Beijing International Film Festival", section: "Documentary Unit", award: "Best Nature Documentary", year: 2025 },
    ],
  },
  {
    studio: "studioCn",
    kind: "GAME",
    originalTitle: "棋圣：天元",
    titles: { en: "Go Sage: Tengen", zh: "棋圣：天元" },
    originalLanguage: "zh",
    genres: ["STRATEGY", "PUZZLE"],
    year: 2025,
    synopsis: "A story-driven Go game for mobile: play through the career of a Song-dynasty prodigy against forty historical opponents.",
    visibility: "PRIVATE",
  },
  {
    studio: "studioCn",
    kind: "FILM",
    originalTitle: "高原篮球队",
    titles: { en: "Highland Hoops", zh: "高原篮球队" },
    originalLanguage: "zh",
    genres: ["SPORTS", "DRAMA", "COMEDY"],
    year: 2025,
    runtimeMinutes: 107,
    synopsis:
      "A substitute teacher in a Qinghai boarding school turns a team of yak herders' children into provincial basketball contenders.",
    visibility: "LISTED",
  },
  {
    studio: "studioCn",
    kind: "SERIES",
    originalTitle: "都市恋爱指南",
    titles: { en: "A Guide to City Love", zh: "都市恋爱指南" },
    originalLanguage: "zh",
    genres: ["ROMANCE", "COMEDY"],
    year: 2019,
    episodeCount: 30,
    synopsis:
      "Three flatmates in Shanghai write an anonymous dating column and keep ending up in each other's stories. Rights reverted to the co-producer in 2025.",
    visibility: "LISTED",
    archived: true,
  },
];

// ---------------------------------------------------------------------------------------------
// Hanbit Story Studios (KR)

const HANBIT: TitleSeed[] = [
  {
    studio: "studioKr",
    kind: "FILM",
    originalTitle: "그림자 증인",
    titles: { en: "The Shadow Witness", zh: "影子证人" },
    originalLanguage: "ko",
    genres: ["CRIME", "THRILLER"],
    year: 2024,
    runtimeMinutes: 121,
    synopsis:
      "The only witness to a Busan dockside murder is a man the police declared dead six years ago, and the detective who signed the report.",
    visibility: "LISTED",
    awards: [
      { festival: "Busan International Film Festival", section: "Korean Cinema Today – Panorama", award: "Audience Award", year: 2024 },
    ],
    versions: [
      {
        name: "Thai theatrical cut",
        territories: ["TH"],
        audioLanguages: ["ko"],
        subtitleLanguages: ["th"],
        runtimeMinutes: 115,
        status: "DELIVERED",
        changes: [
          { category: "RUNTIME", description: "Trimmed 6 minutes from the harbour chase." },
          { category: "RATING_CUTS", description: "Shortened the warehouse fight for an 18+ theatrical rating." },
        ],
        tests: [{ territory: "TH", date: "2025-02-15", audienceSize: 300, score: 80, method: "SCREENING" }],
      },
    ],
  },
  {
    studio: "studioKr",
    kind: "SERIES",
    originalTitle: "봄날의 편지",
    titles: { en: "Letters of Spring", zh: "春日来信" },
    originalLanguage: "ko",
    genres: ["ROMANCE", "DRAMA"],
    year: 2025,
    episodeCount: 16,
    synopsis: "A postwoman on Jeju Island starts answering the letters a widower writes to his late wife, signing them with her name.",
    visibility: "LISTED",
    awards: [{ festival: "Baeksang Arts Awards", section: "Television", award: "Best Screenplay", year: 2025 }],
    versions: [
      {
        name: "Vietnam streaming version",
        territories: ["VN"],
        audioLanguages: ["ko"],
        subtitleLanguages: ["vi"],
        status: "DELIVERED",
        changes: [
          { category: "SUBTITLES", description: "Vietnamese subtitles; letters shown on screen translated as inserts." },
          { category: "PACING", description: "Episodes 1 and 2 merged into a feature-length premiere." },
        ],
        tests: [
          { territory: "VN", date: "2025-09-12", audienceSize: 3000, score: 91, method: "ONLINE_PANEL" },
          {
            territory: "PH",
            date: "2025-09-19",
            audienceSize: 1400,
            score: 87,
            method: "ONLINE_PANEL",
            notes: "English-subtitled screener.",
          },
        ],
      },
    ],
  },
  {
    studio: "studioKr",
    kind: "FILM",
    originalTitle: "궤도 이탈",
    titles: { en: "Off Orbit", zh: "脱离轨道" },
    originalLanguage: "ko",
    genres: ["SCI_FI", "THRILLER"],
    year: 2025,
    runtimeMinutes: 133,
    synopsis:
      "Two engineers stranded on a Korean space station have ninety minutes of oxygen and one escape pod, and one of them sabotaged the station.",
    visibility: "LISTED",
    awards: [
      {
        festival: "Bucheon International Fantastic Film Festival",
        section: "Bucheon Choice: Features",
        award: "Best Director",
        year: 2025,
      },
    ],
    versions: [
      {
        name: "Latin America Spanish dub",
        territories: ["LATAM"],
        audioLanguages: ["es-419"],
        subtitleLanguages: ["es-419"],
        runtimeMinutes: 133,
        status: "IN_PRODUCTION",
        changes: [{ category: "DUBBING", description: "Latin American Spanish dub." }],
        tests: [{ territory: "MX", date: "2026-05-08", audienceSize: 700, score: 64, method: "ONLINE_PANEL" }],
      },
      {
        name: "Brazil Portuguese version",
        territories: ["BR"],
        audioLanguages: ["pt-BR"],
        runtimeMinutes: 133,
        status: "PLANNED",
        changes: [{ category: "DUBBING", description: "Brazilian Portuguese dub." }],
      },
    ],
  },
  {
    studio: "studioKr",
    kind: "FILM",
    originalTitle: "우리 동네 히어로",
    titles: { en: "Neighbourhood Hero", zh: "街坊英雄" },
    originalLanguage: "ko",
    genres: ["COMEDY", "ACTION_ADVENTURE"],
    year: 2023,
    runtimeMinutes: 109,
    synopsis: "A laid-off stuntman takes a job as a shopping-street mascot and accidentally becomes the neighbourhood's vigilante.",
    visibility: "LISTED",
    versions: [
      {
        name: "Brazil Portuguese version",
        territories: ["BR"],
        audioLanguages: ["pt-BR"],
        subtitleLanguages: ["pt-BR"],
        runtimeMinutes: 106,
        status: "DELIVERED",
        changes: [{ category: "COMEDIC_TIMING", description: "Tightened the mascot-costume sequences by three minutes." }],
        tests: [
          { territory: "BR", date: "2025-04-03", audienceSize: 40, score: 55, method: "FOCUS_GROUP" },
          { territory: "BR", date: "2025-06-10", audienceSize: 1100, score: 63, method: "SURVEY" },
        ],
      },
    ],
  },
  {
    studio: "studioKr",
    kind: "SERIES",
    originalTitle: "달빛 검객",
    titles: { en: "Moonlight Swordswoman", zh: "月光剑客" },
    originalLanguage: "ko",
    genres: ["FANTASY", "ACTION_ADVENTURE", "HISTORICAL"],
    year: 2025,
    episodeCount: 12,
    synopsis: "Based on the hit webtoon: in Joseon, a palace seamstress hunts the demons that only appear under the full moon.",
    visibility: "LISTED",
    versions: [
      {
        name: "South-east Asia streaming version",
        territories: ["SEA"],
        audioLanguages: ["ko"],
        subtitleLanguages: ["en", "th", "vi", "id", "ms"],
        status: "DELIVERED",
        changes: [{ category: "TITLE", description: "Regional title follows the webtoon's English title." }],
        tests: [
          { territory: "ID", date: "2025-11-14", audienceSize: 2100, score: 76, method: "ONLINE_PANEL" },
          { territory: "TH", date: "2025-11-21", audienceSize: 1600, score: 68, method: "ONLINE_PANEL" },
        ],
      },
    ],
  },
  {
    studio: "studioKr",
    kind: "SERIES",
    originalTitle: "마지막 증언",
    titles: { en: "The Last Testimony", zh: "最后的证词" },
    originalLanguage: "ko",
    genres: ["CRIME", "MYSTERY", "DRAMA"],
    year: 2024,
    episodeCount: 10,
    synopsis:
      "A public defender discovers that her client, convicted twenty years ago, confessed to protect the prosecutor now running for mayor.",
    visibility: "LISTED",
  },
  {
    studio: "studioKr",
    kind: "FILM",
    originalTitle: "폐교",
    titles: { en: "The Closed School", zh: "废校" },
    originalLanguage: "ko",
    genres: ["HORROR", "MYSTERY"],
    year: 2024,
    runtimeMinutes: 98,
    synopsis: "Six former classmates return to their shut-down rural school for a reunion, and the roll call starts again at midnight.",
    visibility: "LISTED",
  },
  {
    studio: "studioKr",
    kind: "FILM",
    originalTitle: "어머니의 바다",
    titles: { en: "Mother's Sea", zh: "母亲的海" },
    originalLanguage: "ko",
    genres: ["DRAMA", "FAMILY"],
    year: 2022,
    runtimeMinutes: 117,
    synopsis:
      "A haenyeo diver in her seventies teaches her estranged daughter to dive during the last season before the village's fishing rights are sold.",
    visibility: "LISTED",
    awards: [
      { festival: "Blue Dragon Film Awards", award: "Best Actress", year: 2022 },
      { festival: "Busan International Film Festival", section: "Korean Cinema Today – Vision", award: "Best Screenplay", year: 2022 },
    ],
  },
  {
    studio: "studioKr",
    kind: "ANIMATION",
    originalTitle: "고양이 우체부",
    titles: { en: "The Cat Postman", zh: "猫咪邮差" },
    originalLanguage: "ko",
    genres: ["FAMILY", "FANTASY", "COMEDY"],
    year: 2024,
    runtimeMinutes: 92,
    synopsis: "When the village postman falls ill, his cat takes over the round and learns what is inside the letters nobody answers.",
    visibility: "LISTED",
    awards: [
      { festival: "Seoul International Cartoon & Animation Festival", section: "Feature Competition", award: "Grand Prize", year: 2024 },
    ],
    versions: [
      {
        name: "Latin America Spanish dub",
        territories: ["LATAM"],
        audioLanguages: ["es-419"],
        subtitleLanguages: ["es-419"],
        runtimeMinutes: 92,
        status: "DELIVERED",
        changes: [
          { category: "DUBBING", description: "Latin American Spanish dub." },
          { category: "MUSIC", description: "Songs sung in Spanish with the original arrangements." },
        ],
        tests: [
          { territory: "MX", date: "2025-08-02", audienceSize: 380, score: 88, method: "SCREENING" },
          { territory: "CO", date: "2025-08-16", audienceSize: 950, score: 84, method: "SURVEY" },
        ],
      },
    ],
  },
  {
    studio: "studioKr",
    kind: "GAME",
    originalTitle: "네온 서울 2088",
    titles: { en: "Neon Seoul 2088", zh: "霓虹首尔2088" },
    originalLanguage: "ko",
    genres: ["SANDBOX_SHOOTER", "SCI_FI"],
    year: 2025,
    synopsis: "A cyberpunk sandbox shooter: build a crew, rewire the city's drones and fight for districts of a flooded, vertical Seoul.",
    visibility: "LISTED",
  },
  {
    studio: "studioKr",
    kind: "GAME",
    originalTitle: "검귀전",
    titles: { en: "Legend of the Sword Wraith", zh: "剑鬼传" },
    originalLanguage: "ko",
    genres: ["MOBILE_ACTION_RPG", "FANTASY"],
    year: 2024,
    synopsis:
      "A mobile action RPG in which the player fights as a wraith bound to a cursed sword, unlocking its past owners as playable characters.",
    visibility: "LISTED",
  },
  {
    studio: "studioKr",
    kind: "FORMAT",
    originalTitle: "복면 셰프",
    titles: { en: "The Masked Chef", zh: "蒙面大厨" },
    originalLanguage: "ko",
    genres: ["REALITY", "COMEDY"],
    year: 2023,
    episodeCount: 12,
    synopsis: "Celebrities cook behind masks for a panel of food critics who must guess who they are from the plate alone.",
    visibility: "LISTED",
    versions: [
      {
        name: "Vietnam local adaptation",
        territories: ["VN"],
        audioLanguages: ["vi"],
        status: "PLANNED",
        changes: [{ category: "CULTURAL_REFERENCE", description: "Signature-dish round built around regional Vietnamese cuisine." }],
        tests: [{ territory: "VN", date: "2026-06-03", audienceSize: 30, score: 73, method: "FOCUS_GROUP" }],
      },
    ],
  },
  {
    studio: "studioKr",
    kind: "FORMAT",
    originalTitle: "가족 오디션",
    titles: { en: "Family Audition", zh: "家庭选秀" },
    originalLanguage: "ko",
    genres: ["REALITY", "MUSICAL", "FAMILY"],
    year: 2026,
    episodeCount: 10,
    synopsis:
      "Three generations of one family audition together as a band; the weakest singer is voted off, but must stay on as the band's manager.",
    visibility: "PRIVATE",
  },
  {
    studio: "studioKr",
    kind: "MUSIC",
    originalTitle: "서울의 밤 (오리지널 사운드트랙)",
    titles: { en: "Seoul Nights (Original Soundtrack)", zh: "首尔之夜（原声带）" },
    originalLanguage: "ko",
    genres: ["MUSICAL", "ROMANCE"],
    year: 2025,
    runtimeMinutes: 46,
    synopsis: "Fourteen tracks from the drama, including the ballad that topped the domestic streaming charts for six weeks.",
    visibility: "LISTED",
  },
  {
    studio: "studioKr",
    kind: "PUBLISHING",
    originalTitle: "회귀한 검성",
    titles: { en: "The Sword Saint Returns", zh: "回归的剑圣" },
    originalLanguage: "ko",
    genres: ["FANTASY", "ACTION_ADVENTURE"],
    year: 2022,
    synopsis: "A web novel in 430 episodes: a sword saint killed by his disciple wakes up as his own younger self, forty years earlier.",
    visibility: "LISTED",
  },
  {
    studio: "studioKr",
    kind: "PUBLISHING",
    originalTitle: "편의점 로맨스",
    titles: { en: "Convenience Store Romance", zh: "便利店恋曲" },
    originalLanguage: "ko",
    genres: ["ROMANCE", "COMEDY"],
    year: 2024,
    synopsis:
      "A weekly webtoon about a night-shift clerk and the regular who buys exactly the same thing at 3 a.m. every day. Series adaptation rights available.",
    visibility: "LISTED",
  },
  {
    studio: "studioKr",
    kind: "SERIES",
    originalTitle: "제3의 달",
    titles: { en: "The Third Moon", zh: "第三个月亮" },
    originalLanguage: "ko",
    genres: ["SCI_FI", "MYSTERY"],
    year: 2026,
    episodeCount: 8,
    synopsis: "The night a third moon appears over Korea, everyone in one apartment complex loses the same hour. In post-production.",
    visibility: "PRIVATE",
  },
  {
    studio: "studioKr",
    kind: "FILM",
    originalTitle: "북방의 별",
    titles: { en: "Star of the North", zh: "北方之星" },
    originalLanguage: "ko",
    genres: ["HISTORICAL", "WAR", "DRAMA"],
    year: 2023,
    runtimeMinutes: 146,
    synopsis:
      "In 1920 Manchuria, an independence army scout and a Japanese army cartographer are the only survivors of an ambush, and both need the same map.",
    visibility: "LISTED",
  },
  {
    studio: "studioKr",
    kind: "FILM",
    originalTitle: "연애 계약서",
    titles: { en: "The Love Contract", zh: "恋爱契约书" },
    originalLanguage: "ko",
    genres: ["ROMANCE", "COMEDY"],
    year: 2024,
    runtimeMinutes: 112,
    synopsis: "A contract lawyer drafts a dating agreement for her best friend and falls for the other party.",
    visibility: "LISTED",
  },
  {
    studio: "studioKr",
    kind: "FILM",
    originalTitle: "링 위의 소녀",
    titles: { en: "Girl in the Ring", zh: "拳台上的女孩" },
    originalLanguage: "ko",
    genres: ["SPORTS", "DRAMA"],
    year: 2025,
    runtimeMinutes: 104,
    synopsis: "A seventeen-year-old boxer from Incheon fights for a place on the national team while hiding it from her family.",
    visibility: "LISTED",
  },
];

export const DEMO_CATALOGUE: readonly TitleSeed[] = [...JADE_MOUNTAIN, ...HANBIT];

type SeasonSeed = { number: number; titles: { en: string; zh: string }; releaseDate: string; episodes: number; runtimeMinutes: number };

/**
 * Issue 15: the xianxia series “The Celestial Path” in three seasons (12 + 12 + 10 = its 34
 * episodes), which the demo deals license season by season.
 */
export const DEMO_SEASONS: readonly { studio: StudioKey; originalTitle: string; seasons: SeasonSeed[] }[] = [
  {
    studio: "studioCn",
    originalTitle: "天衍仙途",
    seasons: [
      { number: 1, titles: { en: "The Broken Seal", zh: "残印" }, releaseDate: "2025-03-08", episodes: 12, runtimeMinutes: 45 },
      { number: 2, titles: { en: "Nine Realms", zh: "九重天" }, releaseDate: "2025-09-13", episodes: 12, runtimeMinutes: 45 },
      { number: 3, titles: { en: "The Immortal Sect", zh: "仙宗" }, releaseDate: "2026-04-04", episodes: 10, runtimeMinutes: 48 },
    ],
  },
];

// ---------------------------------------------------------------------------------------------

/** Parses with the API's schema; a seed entry that breaks a rule is a bug in this file. */
function parse<S extends z.ZodType>(schema: S, input: unknown, what: string): z.output<S> {
  const parsed = schema.safeParse(input);
  if (!parsed.success) throw new Error(`seed-catalogue: ${what} is invalid: ${JSON.stringify(parsed.error.issues)}`);
  return parsed.data;
}

function unwrap<T>(result: Result<T>, what: string): T {
  if (result.ok) return result.value;
  throw new Error(`seed-catalogue: ${what} refused (${result.reason}): ${result.message} ${JSON.stringify(result.errors ?? [])}`);
}

/** The studio's OWNER, as the seed's actor. */
const ownerActor = (studio: StudioKey): Promise<Actor> => demoOwner(studio, "seed-catalogue");

export type CatalogueSeedResult = { created: boolean; titles: number; versions: number; marketTests: number; seasons: number };

/**
 * Creates the demo catalogue for the demo studios (which `seed()` creates first). Titles that
 * already exist are left alone, so running it again changes nothing.
 */
export async function seedCatalogue(): Promise<CatalogueSeedResult> {
  const actors: Record<StudioKey, Actor> = { studioCn: await ownerActor("studioCn"), studioKr: await ownerActor("studioKr") };
  const counts = { titles: 0, versions: 0, marketTests: 0, seasons: 0 };

  const addTests = async (actor: Actor, versionId: string, tests: MarketTestSeed[], what: string) => {
    for (const t of tests) {
      unwrap(await createMarketTest(actor, versionId, parse(createMarketTestSchema, t, `${what} market test`)), `${what} market test`);
      counts.marketTests++;
    }
  };

  for (const spec of DEMO_CATALOGUE) {
    const { studio, archived, originalTests = [], versions = [], ...input } = spec;
    const actor = actors[studio];
    const what = `“${spec.originalTitle}”`;
    const existing = await db.title.findFirst({
      where: { studioId: actor.org.id, originalTitle: spec.originalTitle },
      select: { id: true },
    });
    if (existing) continue;

    const { id: titleId } = unwrap(await createTitle(actor, parse(createTitleSchema, input, what)), what);
    counts.titles++;
    const original = await db.version.findFirstOrThrow({ where: { titleId, kind: "ORIGINAL" }, select: { id: true } });
    const versionIds = new Map<string, string>([[ORIGINAL, original.id]]);
    await addTests(actor, original.id, originalTests, `${what} original`);

    for (const v of versions) {
      const vWhat = `${what} version “${v.name}”`;
      const derivedFromId = versionIds.get(v.from ?? ORIGINAL);
      if (!derivedFromId) throw new Error(`seed-catalogue: ${vWhat} derives from unknown version “${v.from}”`);
      const { tests = [], from: _from, ...versionInput } = v;
      const data = parse(createVersionSchema, { ...versionInput, kind: "INTERNATIONAL", derivedFromId }, vWhat);
      const { id } = unwrap(await createVersion(actor, titleId, data), vWhat);
      versionIds.set(v.name, id);
      counts.versions++;
      await addTests(actor, id, tests, vWhat);
    }

    if (archived) unwrap(await updateTitle(actor, titleId, parse(updateTitleSchema, { archived: true }, what)), `${what} archive`);
  }

  // Seasons are looked up by number, so a catalogue seeded before seasons existed gets them too.
  for (const series of DEMO_SEASONS) {
    const actor = actors[series.studio];
    const title = await db.title.findFirst({
      where: { studioId: actor.org.id, originalTitle: series.originalTitle },
      select: { id: true },
    });
    if (!title) continue;
    for (const spec of series.seasons) {
      const what = `“${series.originalTitle}” season ${spec.number}`;
      if (await db.season.findFirst({ where: { titleId: title.id, number: spec.number }, select: { id: true } })) continue;
      const input = { number: spec.number, titles: spec.titles, releaseDate: spec.releaseDate };
      const { id: seasonId } = unwrap(await createSeason(actor, title.id, parse(createSeasonSchema, input, what)), what);
      counts.seasons++;
      for (let n = 1; n <= spec.episodes; n++) {
        const episode = { number: n, titles: { en: `Episode ${n}`, zh: `第${n}集` }, runtimeMinutes: spec.runtimeMinutes };
        unwrap(
          await createEpisode(actor, title.id, seasonId, parse(createEpisodeSchema, episode, `${what} episode ${n}`)),
          `${what} episode ${n}`,
        );
      }
    }
  }

  return { created: counts.titles > 0 || counts.seasons > 0, ...counts };
}
