import { createHash, randomBytes } from "node:crypto";

/** Hex SHA-256: how e-mailed tokens, invitation tokens and API keys are stored. */
export const sha256 = (value: string) => createHash("sha256").update(value).digest("hex");

/** A secret for a link: 32 random bytes, base64url. */
export const newLinkToken = () => randomBytes(32).toString("base64url");
