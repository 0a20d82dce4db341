import pino from "pino";

/** Structured JSON logs on stdout; every line about a request carries its requestId. */
export const logger = pino({
  level: process.env.LOG_LEVEL ?? (process.env.NODE_ENV === "test" ? "silent" : "info"),
  base: { app: "rightsbridge" },
  redact: { paths: ["password", "*.password", "key", "*.key", "authorization", "*.authorization"], remove: true },
});
