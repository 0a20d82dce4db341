import { describe, expect, it } from "vitest";
import { isSeries, seasonRefusal } from "./series";

describe("isSeries: which titles have seasons", () => {
  it.each([
    [{ kind: "SERIES", episodeCount: null }, true],
    [{ kind: "SERIES", episodeCount: 34 }, true],
    [{ kind: "ANIMATION", episodeCount: 52 }, true],
    [{ kind: "ANIMATION", episodeCount: null }, false],
    [{ kind: "FILM", episodeCount: null }, false],
    [{ kind: "FILM", episodeCount: 3 }, false],
    [{ kind: "GAME", episodeCount: null }, false],
  ])("%j: %s", (title, expected) => {
    expect(isSeries(title)).toBe(expected);
  });

  it("refusals carry their code and params with the English words", () => {
    expect(seasonRefusal("SEASON_UNKNOWN", { seasons: "4, 5" })).toEqual({
      code: "SEASON_UNKNOWN",
      params: { seasons: "4, 5" },
      message: "The series has no season 4, 5; add the season first.",
    });
    expect(seasonRefusal("NOT_A_SERIES").code).toBe("NOT_A_SERIES");
  });
});
