import { inject } from "vitest";

// Runs before each test file, before lib/config is first read.
process.env.DATABASE_URL = inject("databaseUrl");
process.env.AUTH_SECRET = "test-secret-that-is-at-least-32-characters-long";
process.env.APP_URL = "http://localhost:3000";
process.env.LOG_LEVEL = "silent";
process.env.DATABASE_POOL_SIZE = "20";
// Tests buy hundreds of orders in seconds; the checkout meter's own tests set their rate explicitly.
process.env.CHECKOUT_SESSIONS_PER_SECOND = "10000";
delete process.env.REDIS_URL;
delete process.env.UPSTASH_REDIS_REST_URL;
delete process.env.STRIPE_SECRET_KEY;
delete process.env.RESEND_API_KEY;
delete process.env.TYPESENSE_URL;
