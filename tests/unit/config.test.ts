import { describe, expect, it } from "vitest";
import { ConfigError, isDemoPayments, parseConfig, s3Settings, serviceModes } from "@/lib/config";

const base = { DATABASE_URL: "postgresql://u:p@localhost:5432/db", AUTH_SECRET: "x".repeat(32) };

function problems(env: Record<string, string>): string[] {
  try {
    parseConfig(env);
  } catch (error) {
    if (error instanceof ConfigError) return error.problems;
    throw error;
  }
  return [];
}

describe("configuration", () => {
  it("uses the embedded defaults when no service is configured", () => {
    const config = parseConfig({ ...base });
    expect(serviceModes(config)).toEqual({
      holds: "postgres",
      search: "postgres",
      payments: "simulator",
      email: "dev-mailbox",
      uploads: "disk",
    });
    expect(config.APP_URL).toBe("http://localhost:3000");
  });

  it("meters Checkout Sessions at Stripe's 25 a second unless told otherwise, in whole numbers", () => {
    expect(parseConfig({ ...base }).CHECKOUT_SESSIONS_PER_SECOND).toBe(25);
    expect(parseConfig({ ...base, CHECKOUT_SESSIONS_PER_SECOND: "100" }).CHECKOUT_SESSIONS_PER_SECOND).toBe(100);
    expect(parseConfig({ ...base, CHECKOUT_SESSIONS_PER_SECOND: "" }).CHECKOUT_SESSIONS_PER_SECOND).toBe(25);
    for (const wrong of ["0", "2.5", "lots", "20000"]) {
      expect(problems({ ...base, CHECKOUT_SESSIONS_PER_SECOND: wrong })).toEqual([
        expect.stringMatching(/^CHECKOUT_SESSIONS_PER_SECOND: /),
      ]);
    }
  });

  it("switches waiting rooms on at the checkout rate unless told a rate (0: never)", () => {
    expect(parseConfig({ ...base }).QUEUE_AUTO_ON_ARRIVALS_PER_SECOND).toBeUndefined();
    expect(
      parseConfig({ ...base, QUEUE_AUTO_ON_ARRIVALS_PER_SECOND: "" }).QUEUE_AUTO_ON_ARRIVALS_PER_SECOND,
    ).toBeUndefined();
    expect(parseConfig({ ...base, QUEUE_AUTO_ON_ARRIVALS_PER_SECOND: "0" }).QUEUE_AUTO_ON_ARRIVALS_PER_SECOND).toBe(0);
    expect(parseConfig({ ...base, QUEUE_AUTO_ON_ARRIVALS_PER_SECOND: "7.5" }).QUEUE_AUTO_ON_ARRIVALS_PER_SECOND).toBe(
      7.5,
    );
    for (const wrong of ["-1", "lots"]) {
      expect(problems({ ...base, QUEUE_AUTO_ON_ARRIVALS_PER_SECOND: wrong })).toEqual([
        expect.stringMatching(/^QUEUE_AUTO_ON_ARRIVALS_PER_SECOND: /),
      ]);
    }
  });

  it("takes a blank pool size as the default", () => {
    expect(parseConfig({ ...base, DATABASE_POOL_SIZE: "" }).DATABASE_POOL_SIZE).toBe(10);
  });

  it("names each missing or malformed variable and what it expects", () => {
    const found = problems({ DATABASE_URL: "mysql://nope", AUTH_SECRET: "short", STRIPE_SECRET_KEY: "pk_live_123" });
    expect(found).toEqual(
      expect.arrayContaining([
        expect.stringMatching(/^DATABASE_URL: expected a postgres/),
        expect.stringMatching(/^AUTH_SECRET: expected at least 32 characters/),
        expect.stringMatching(/^STRIPE_SECRET_KEY: expected a Stripe secret key/),
        expect.stringMatching(/^STRIPE_WEBHOOK_SECRET is missing: is required when STRIPE_SECRET_KEY is set/),
      ]),
    );
    expect(problems({})).toEqual(expect.arrayContaining([expect.stringMatching(/^DATABASE_URL is missing/)]));
  });

  it("treats empty strings as unset and switches real services on by their variables", () => {
    expect(serviceModes(parseConfig({ ...base, REDIS_URL: "", STRIPE_SECRET_KEY: "" })).holds).toBe("postgres");
    const config = parseConfig({
      ...base,
      REDIS_URL: "redis://localhost:6379",
      TYPESENSE_URL: "http://localhost:8108",
      TYPESENSE_API_KEY: "k",
      STRIPE_SECRET_KEY: "sk_test_1",
      STRIPE_WEBHOOK_SECRET: "whsec_1",
      RESEND_API_KEY: "re_1",
    });
    expect(serviceModes(config)).toEqual({
      holds: "redis",
      search: "typesense",
      payments: "stripe",
      email: "resend",
      uploads: "disk",
    });
  });

  it("refuses both Redis flavours at once, and half an Upstash configuration", () => {
    expect(
      problems({
        ...base,
        REDIS_URL: "redis://x",
        UPSTASH_REDIS_REST_URL: "https://x.upstash.io",
        UPSTASH_REDIS_REST_TOKEN: "t",
      }),
    ).toEqual([expect.stringContaining("set either REDIS_URL or UPSTASH_REDIS_REST_URL")]);
    expect(problems({ ...base, UPSTASH_REDIS_REST_URL: "https://x.upstash.io" })).toEqual([
      expect.stringMatching(/^UPSTASH_REDIS_REST_TOKEN is missing/),
    ]);
  });

  it("refuses a production server without Stripe unless it is told the payments are a demo", () => {
    const production = { ...base, NODE_ENV: "production" };
    expect(problems(production)).toEqual([
      expect.stringMatching(
        /^STRIPE_SECRET_KEY is missing: a production server takes real payments.*PAYMENT_PROVIDER=simulator/,
      ),
    ]);
    expect(problems({ ...base, PAYMENT_PROVIDER: "stripe" })).toEqual([
      expect.stringMatching(/^STRIPE_SECRET_KEY is missing/),
    ]);

    const demo = parseConfig({ ...production, PAYMENT_PROVIDER: "simulator" });
    expect(serviceModes(demo).payments).toBe("simulator");
    expect(isDemoPayments(demo)).toBe(true);

    const live = parseConfig({ ...production, STRIPE_SECRET_KEY: "sk_live_1", STRIPE_WEBHOOK_SECRET: "whsec_1" });
    expect(serviceModes(live).payments).toBe("stripe");
    expect(isDemoPayments(live)).toBe(false);
    // Development keeps its zero-configuration default, and it is not a "demo" banner case.
    expect(isDemoPayments(parseConfig(base))).toBe(false);
  });

  it("lets the operator pick the simulator explicitly even with Stripe keys set", () => {
    const config = parseConfig({
      ...base,
      PAYMENT_PROVIDER: "simulator",
      STRIPE_SECRET_KEY: "sk_test_1",
      STRIPE_WEBHOOK_SECRET: "whsec_1",
    });
    expect(serviceModes(config).payments).toBe("simulator");
    expect(problems({ ...base, PAYMENT_PROVIDER: "paypal" })).toEqual([
      expect.stringMatching(/^PAYMENT_PROVIDER: expected stripe or simulator/),
    ]);
  });

  it("reads TRUSTED_PROXIES as a list of addresses and blocks, empty meaning none, and names bad entries", () => {
    expect(parseConfig({ ...base }).TRUSTED_PROXIES).toEqual([]);
    expect(parseConfig({ ...base, TRUSTED_PROXIES: "" }).TRUSTED_PROXIES).toEqual([]);
    expect(parseConfig({ ...base, TRUSTED_PROXIES: "10.0.0.5, 10.1.0.0/16" }).TRUSTED_PROXIES).toEqual([
      "10.0.0.5",
      "10.1.0.0/16",
    ]);
    expect(problems({ ...base, TRUSTED_PROXIES: "10.0.0.5, lb.internal" })).toEqual([
      expect.stringMatching(/^TRUSTED_PROXIES: "lb.internal" is not an IP address or CIDR block/),
    ]);
  });

  it("stores uploads in S3 with all four S3 settings, and names the ones missing from a partial set", () => {
    const bucket = {
      S3_BUCKET: "marquee-uploads",
      S3_REGION: "eu-west-1",
      S3_ACCESS_KEY_ID: "AKIAEXAMPLE",
      S3_SECRET_ACCESS_KEY: "secret",
    };
    const config = parseConfig({ ...base, ...bucket, S3_ENDPOINT: "", S3_PUBLIC_URL: "" });
    expect(serviceModes(config).uploads).toBe("s3");
    expect(s3Settings(config)).toEqual({
      bucket: "marquee-uploads",
      region: "eu-west-1",
      accessKeyId: "AKIAEXAMPLE",
      secretAccessKey: "secret",
      endpoint: undefined,
      publicUrl: undefined,
    });
    expect(s3Settings(parseConfig({ ...base }))).toBeNull();
    expect(serviceModes(parseConfig({ ...base, S3_BUCKET: "" })).uploads).toBe("disk");

    expect(problems({ ...base, ...bucket, S3_SECRET_ACCESS_KEY: "" })).toEqual([
      expect.stringMatching(
        /^S3_SECRET_ACCESS_KEY is missing: is required when S3_BUCKET, S3_REGION, S3_ACCESS_KEY_ID are set/,
      ),
    ]);
    expect(problems({ ...base, S3_BUCKET: "marquee-uploads" }).sort()).toEqual([
      expect.stringMatching(/^S3_ACCESS_KEY_ID is missing: is required when S3_BUCKET is set/),
      expect.stringMatching(/^S3_REGION is missing: is required when S3_BUCKET is set/),
      expect.stringMatching(/^S3_SECRET_ACCESS_KEY is missing: is required when S3_BUCKET is set/),
    ]);
    // An endpoint or public URL alone is half a configuration too, not a silent fall-back to disk.
    expect(problems({ ...base, S3_ENDPOINT: "http://localhost:9000" })).toHaveLength(4);
    expect(problems({ ...base, ...bucket, S3_BUCKET: "Not_A_Bucket", S3_ENDPOINT: "minio:9000" })).toEqual(
      expect.arrayContaining([
        expect.stringMatching(/^S3_BUCKET: expected a bucket name/),
        expect.stringMatching(/^S3_ENDPOINT: expected the http\(s\) URL of the S3-compatible service/),
      ]),
    );
  });
});
