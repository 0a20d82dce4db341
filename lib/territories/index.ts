/**
 * Territories: ISO 3166-1 countries, UN M49 regions and named commercial groups, and the
 * expansion rules every feature uses. Pure and synchronous; the data is imported from packages
 * (see README.md). Several hundred kB of JSON sit behind it: import it from server code (route
 * handlers, server components, actions), not from client components.
 */

export { isUnknownReferenceCodeError, UnknownReferenceCodeError } from "../reference/errors";
export { COUNTRIES, type Country } from "./countries";
export { GROUPS, type GroupCode, type GroupSource, type TerritoryGroup } from "./groups";
export { COUNTRY_M49_REGIONS, M49_NOTES, M49_REGIONS, type M49Level, type M49Region } from "./m49";
export {
  expandTerritories,
  getCountry,
  getGroup,
  getRegion,
  isCountryCode,
  isTerritoryCode,
  listTerritories,
  normalizeTerritoryCode,
  type TerritoryItem,
  type TerritoryType,
  territoryMembers,
  territoryName,
  territoryType,
  unknownTerritoryCodes,
} from "./rules";
