import { z } from "zod";
import { parseTrustedProxies } from "./client-ip";

// Every setting Marquee reads, validated once. Empty strings count as unset so
// a blank line in an .env file never switches a real service on.
const optional = <T extends z.ZodType>(schema: T) =>
  z.preprocess((value) => (value === "" ? undefined : value), schema.optional());

const postgresUrl = z.string().regex(/^postgres(ql)?:\/\//, "expected a postgres:// or postgresql:// connection URL");

const configSchema = z
  .object({
    NODE_ENV: z.enum(["development", "production", "test"]).default("development"),
    DATABASE_URL: postgresUrl,
    DATABASE_POOL_SIZE: z.preprocess(
      (value) => (value === "" ? undefined : value),
      z.coerce.number().int().min(1).max(200).default(10),
    ),
    AUTH_SECRET: z.string().min(32, "expected at least 32 characters (openssl rand -base64 32)"),
    APP_URL: z.url("expected the public base URL, e.g. https://tickets.example.com").default("http://localhost:3000"),
    LOG_LEVEL: z.enum(["fatal", "error", "warn", "info", "debug", "trace", "silent"]).default("info"),
    REDIS_URL: optional(z.string().regex(/^rediss?:\/\//, "expected a redis:// or rediss:// URL")),
    UPSTASH_REDIS_REST_URL: optional(z.url("expected the https URL of the Upstash REST API")),
    UPSTASH_REDIS_REST_TOKEN: optional(z.string().min(1)),
    TYPESENSE_URL: optional(z.url("expected the URL of a Typesense node, e.g. https://search.example.com:443")),
    TYPESENSE_API_KEY: optional(z.string().min(1)),
    STRIPE_SECRET_KEY: optional(z.string().regex(/^(sk|rk)_/, "expected a Stripe secret key (sk_… or rk_…)")),
    STRIPE_WEBHOOK_SECRET: optional(z.string().regex(/^whsec_/, "expected a webhook signing secret (whsec_…)")),
    PAYMENT_PROVIDER: optional(z.enum(["stripe", "simulator"], "expected stripe or simulator")),
    RESEND_API_KEY: optional(z.string().regex(/^re_/, "expected a Resend API key (re_…)")),
    /** Checkout Sessions created per second across all instances (Stripe's default account limit is 25). */
    CHECKOUT_SESSIONS_PER_SECOND: z.preprocess(
      (value) => (value === "" ? undefined : value),
      z.coerce
        .number("expected a whole number of sessions per second")
        .int("expected a whole number of sessions per second")
        .min(1, "expected at least 1 session per second")
        .max(10_000, "expected at most 10000 sessions per second")
        .default(25),
    ),
    /**
     * Hold attempts per second on one event (as each app instance counts them) above which an event's waiting
     * room switches itself on; 0 never. Unset: CHECKOUT_SESSIONS_PER_SECOND, what checkout can take.
     */
    QUEUE_AUTO_ON_ARRIVALS_PER_SECOND: optional(
      z.coerce
        .number("expected a number of hold attempts per second")
        .min(0, "expected 0 (never) or more attempts per second")
        .max(100_000, "expected at most 100000 attempts per second"),
    ),
    EMAIL_FROM: z.string().min(3).default("Marquee <tickets@marquee.local>"),
    /** Where uploaded event images are stored (relative to the working directory, or absolute). */
    UPLOADS_DIR: z.string().min(1).default(".data/uploads"),
    // An S3-compatible bucket for uploads instead of UPLOADS_DIR: all four of these, or none.
    S3_BUCKET: optional(
      z.string().regex(/^[a-z0-9][a-z0-9.-]{1,61}[a-z0-9]$/, "expected a bucket name (3–63 of a-z 0-9 . -)"),
    ),
    S3_REGION: optional(z.string().regex(/^[a-z0-9-]+$/, "expected a region, e.g. eu-west-1 (auto for R2)")),
    S3_ACCESS_KEY_ID: optional(z.string().min(1)),
    S3_SECRET_ACCESS_KEY: optional(z.string().min(1)),
    /** MinIO, R2, B2…: the service's URL; objects are then addressed path-style (<endpoint>/<bucket>/<key>). */
    S3_ENDPOINT: optional(
      z.url({
        protocol: /^https?$/,
        error: "expected the http(s) URL of the S3-compatible service, e.g. https://<account>.r2.cloudflarestorage.com",
      }),
    ),
    /** A CDN or public bucket URL that serves the bucket's keys; /media redirects there. */
    S3_PUBLIC_URL: optional(
      z.url({
        protocol: /^https?$/,
        error: "expected the http(s) URL the bucket's objects are served under, e.g. https://cdn.example.com",
      }),
    ),
    // Proxies whose X-Forwarded-For entries are skipped to find the client (lib/client-ip.ts); empty = none.
    TRUSTED_PROXIES: z
      .string()
      .default("")
      .transform((value, ctx) => {
        const { entries, problems } = parseTrustedProxies(value);
        for (const problem of problems)
          ctx.addIssue({ code: "custom", message: `${problem} (expected e.g. 10.0.0.5, 10.1.0.0/16)` });
        return entries;
      }),
  })
  .superRefine((config, ctx) => {
    const pairs: [keyof typeof config, keyof typeof config][] = [
      ["UPSTASH_REDIS_REST_URL", "UPSTASH_REDIS_REST_TOKEN"],
      ["TYPESENSE_URL", "TYPESENSE_API_KEY"],
      ["STRIPE_SECRET_KEY", "STRIPE_WEBHOOK_SECRET"],
    ];
    for (const [a, b] of pairs) {
      if ((config[a] === undefined) !== (config[b] === undefined)) {
        const missing = config[a] === undefined ? a : b;
        ctx.addIssue({
          code: "custom",
          path: [missing],
          message: `is required when ${missing === a ? b : a} is set`,
        });
      }
    }
    const s3 = ["S3_BUCKET", "S3_REGION", "S3_ACCESS_KEY_ID", "S3_SECRET_ACCESS_KEY"] as const;
    const s3Set = s3.filter((name) => config[name] !== undefined);
    const s3Extras = (["S3_ENDPOINT", "S3_PUBLIC_URL"] as const).filter((name) => config[name] !== undefined);
    if (s3Set.length > 0 || s3Extras.length > 0) {
      for (const name of s3.filter((n) => config[n] === undefined)) {
        ctx.addIssue({
          code: "custom",
          path: [name],
          message: `is required when ${[...s3Set, ...s3Extras].join(", ")} ${s3Set.length + s3Extras.length > 1 ? "are" : "is"} set (an S3 bucket takes S3_BUCKET, S3_REGION, S3_ACCESS_KEY_ID and S3_SECRET_ACCESS_KEY)`,
        });
      }
    }
    // A production server that fell back to the simulator would hand out tickets for a
    // button press. It takes Stripe, or the operator's explicit word that it is a demo.
    if (config.PAYMENT_PROVIDER !== "simulator" && !config.STRIPE_SECRET_KEY) {
      if (config.PAYMENT_PROVIDER === "stripe" || config.NODE_ENV === "production") {
        ctx.addIssue({
          code: "custom",
          path: ["STRIPE_SECRET_KEY"],
          message:
            "a production server takes real payments: set STRIPE_SECRET_KEY and STRIPE_WEBHOOK_SECRET, or PAYMENT_PROVIDER=simulator for a demo or staging site where anyone may pay with the simulator",
        });
      }
    }
    if (config.REDIS_URL && config.UPSTASH_REDIS_REST_URL) {
      ctx.addIssue({
        code: "custom",
        path: ["REDIS_URL"],
        message: "set either REDIS_URL or UPSTASH_REDIS_REST_URL, not both",
      });
    }
  });

export type Config = z.infer<typeof configSchema>;

export class ConfigError extends Error {
  constructor(readonly problems: string[]) {
    super(`Invalid configuration:\n${problems.map((p) => `  - ${p}`).join("\n")}`);
    this.name = "ConfigError";
  }
}

export function parseConfig(env: Record<string, string | undefined>): Config {
  const result = configSchema.safeParse(env);
  if (result.success) return result.data;
  throw new ConfigError(
    result.error.issues.map((issue) => {
      const name = issue.path.join(".") || "environment";
      const value = env[name];
      return value === undefined || value === "" ? `${name} is missing: ${issue.message}` : `${name}: ${issue.message}`;
    }),
  );
}

let cached: Config | undefined;

/** The validated configuration of this process, read from the environment once. */
export function config(): Config {
  cached ??= parseConfig(process.env);
  return cached;
}

export type ServiceMode = {
  holds: "postgres" | "redis" | "upstash";
  search: "postgres" | "typesense";
  payments: "simulator" | "stripe";
  email: "dev-mailbox" | "resend";
  uploads: "disk" | "s3";
};

/** A production server whose payments are simulated: every page says so. */
export function isDemoPayments(c: Config = config()): boolean {
  return c.NODE_ENV === "production" && serviceModes(c).payments === "simulator";
}

/** Which real services are switched on, for start-up banners and /api/health. */
export function serviceModes(c: Config = config()): ServiceMode {
  return {
    holds: c.REDIS_URL ? "redis" : c.UPSTASH_REDIS_REST_URL ? "upstash" : "postgres",
    search: c.TYPESENSE_URL ? "typesense" : "postgres",
    payments: c.PAYMENT_PROVIDER ?? (c.STRIPE_SECRET_KEY ? "stripe" : "simulator"),
    email: c.RESEND_API_KEY ? "resend" : "dev-mailbox",
    uploads: s3Settings(c) ? "s3" : "disk",
  };
}

/** The bucket for uploads, when one is configured (validation makes it all four settings or none). */
export function s3Settings(c: Config = config()) {
  if (!c.S3_BUCKET || !c.S3_REGION || !c.S3_ACCESS_KEY_ID || !c.S3_SECRET_ACCESS_KEY) return null;
  return {
    bucket: c.S3_BUCKET,
    region: c.S3_REGION,
    accessKeyId: c.S3_ACCESS_KEY_ID,
    secretAccessKey: c.S3_SECRET_ACCESS_KEY,
    endpoint: c.S3_ENDPOINT,
    publicUrl: c.S3_PUBLIC_URL,
  };
}
