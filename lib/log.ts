import pino from "pino";

// Structured JSON logs; each request handler derives a child logger with its request id.
export const log = pino({
  level: process.env.LOG_LEVEL || "info",
  base: { service: "marquee" },
  redact: ["password", "*.password", "token", "*.token", "headers.authorization", "headers.cookie"],
});
