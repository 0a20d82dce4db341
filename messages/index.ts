import enCatalogue from "./en/catalogue.json";
import enDeals from "./en/deals.json";
import enEdits from "./en/edits.json";
import enErrors from "./en/errors.json";
import enFacility from "./en/facility.json";
import enIdentity from "./en/identity.json";
import enNotifications from "./en/notifications.json";
import enObligations from "./en/obligations.json";
import enOutcomes from "./en/outcomes.json";
import enProgrammes from "./en/programmes.json";
import enStatements from "./en/statements.json";
import enBase from "./en.json";
import zhCatalogue from "./zh/catalogue.json";
import zhDeals from "./zh/deals.json";
import zhEdits from "./zh/edits.json";
import zhErrors from "./zh/errors.json";
import zhFacility from "./zh/facility.json";
import zhIdentity from "./zh/identity.json";
import zhNotifications from "./zh/notifications.json";
import zhObligations from "./zh/obligations.json";
import zhOutcomes from "./zh/outcomes.json";
import zhProgrammes from "./zh/programmes.json";
import zhStatements from "./zh/statements.json";
import zhBase from "./zh.json";

/**
 * All UI messages by locale. The shell and foundation live in `<locale>.json`; each larger
 * feature keeps its namespace in `<locale>/<feature>.json`, so teams working on different
 * features never edit the same file.
 */
export const messages = {
  en: {
    ...enBase,
    catalogue: enCatalogue,
    deals: enDeals,
    edits: enEdits,
    statements: enStatements,
    outcomes: enOutcomes,
    facility: enFacility,
    programmes: enProgrammes,
    identity: enIdentity,
    errors: enErrors,
    notifications: enNotifications,
    obligations: enObligations,
  },
  zh: {
    ...zhBase,
    catalogue: zhCatalogue,
    deals: zhDeals,
    edits: zhEdits,
    statements: zhStatements,
    outcomes: zhOutcomes,
    facility: zhFacility,
    programmes: zhProgrammes,
    identity: zhIdentity,
    errors: zhErrors,
    notifications: zhNotifications,
    obligations: zhObligations,
  },
};

export type Messages = typeof messages.en;
