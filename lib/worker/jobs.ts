import "server-only";
import { EMAIL_VERIFICATION_TOPIC, emailVerificationHandler } from "@/lib/auth/email-verification";
import { PASSWORD_RESET_TOPIC, passwordResetEmailHandler } from "@/lib/auth/password-reset";
import { SEARCH_SYNC_TOPIC, searchSyncHandler } from "@/lib/events/search-sync";
import { reclaimLapsedHolds } from "@/lib/inventory/postgres-hold-store";
import { drainOutbox } from "@/lib/notifications/outbox";
import { WELCOME_TOPIC, welcomeEmailHandler } from "@/lib/notifications/welcome";
import { APPLICATION_EMAIL_TOPIC, applicationEmailHandler } from "@/lib/organizations/application-emails";
import { CANCEL_EVENT_TOPIC, cancelEventHandler } from "@/lib/orders/cancellation";
import { ORDER_EMAIL_TOPIC, orderEmailHandler } from "@/lib/orders/emails";
import { REFUND_TOPIC, refundHandler } from "@/lib/orders/refund-payout";
import { expireLapsedCheckouts } from "@/lib/orders/sweeps";
import { admissionTick } from "@/lib/queue/admission-loop";
import { pruneSearchTerms } from "@/lib/search/prune";
import type { Services } from "@/lib/services";
import { STAFF_INVITATION_TOPIC, invitationEmailHandler } from "@/lib/staff/invitation-email";
import { pruneRateLimitWindows } from "@/lib/rate-limit/postgres-store";
import { pruneRefusals } from "@/lib/refusals/store";
import type { Job } from "./runner";

/** Every periodic job of the worker, wired to the process's services. */
export function workerJobs(services: Services): Job[] {
  const { db, email, gateway, holds, search, appUrl, clock } = services;
  const outboxHandlers = {
    [WELCOME_TOPIC]: welcomeEmailHandler(email),
    [PASSWORD_RESET_TOPIC]: passwordResetEmailHandler({ db, email, appUrl, secret: services.config.AUTH_SECRET }),
    [EMAIL_VERIFICATION_TOPIC]: emailVerificationHandler({ db, email, appUrl, secret: services.config.AUTH_SECRET }),
    [STAFF_INVITATION_TOPIC]: invitationEmailHandler(email),
    [ORDER_EMAIL_TOPIC]: orderEmailHandler(db, email, appUrl),
    [REFUND_TOPIC]: refundHandler(db, gateway),
    [CANCEL_EVENT_TOPIC]: cancelEventHandler({ db, gateway }),
    [SEARCH_SYNC_TOPIC]: searchSyncHandler((eventId) => search.syncEvent(eventId)),
    [APPLICATION_EMAIL_TOPIC]: applicationEmailHandler(db, email, appUrl),
  };
  return [
    {
      name: "outbox",
      intervalMs: 1_000,
      run: (client) => drainOutbox(client, outboxHandlers, { persistentTopics: [REFUND_TOPIC, CANCEL_EVENT_TOPIC] }),
    },
    {
      name: "expire-holds",
      intervalMs: 15_000,
      run: async (client) => ({
        expired: await reclaimLapsedHolds(client, { now: clock(), givesBackHeld: holds.countsHeldInDatabase }),
      }),
    },
    {
      name: "expire-checkouts",
      intervalMs: 15_000,
      run: (client) => expireLapsedCheckouts({ db: client, holds, gateway }, clock()),
    },
    // Waiting rooms: admits the next fans of each queued event on sale, at most a second apart.
    {
      name: "queue-admission",
      intervalMs: 1_000,
      run: (client) => admissionTick({ ...services, db: client }, { intervalMs: 1_000 }),
    },
    // Words of events no longer public stop feeding "did you mean" (docs/security.md).
    {
      name: "prune-search-terms",
      intervalMs: 10 * 60_000,
      run: (client) => pruneSearchTerms(client, { now: clock() }),
    },
    // Windows of keys nobody tried lately (old addresses, mistyped e-mails); Redis expires its own.
    {
      name: "prune-rate-limits",
      intervalMs: 60_000,
      run: async (client) => ({ pruned: await pruneRateLimitWindows(client, clock()) }),
    },
    // The organizers' refusal counts are kept REFUSAL_RETENTION_DAYS (30).
    {
      name: "prune-refusals",
      intervalMs: 60 * 60_000,
      run: async (client) => ({ pruned: await pruneRefusals(client, clock()) }),
    },
  ];
}
