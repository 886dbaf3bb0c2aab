import { config } from "@/lib/config";
import { json, route } from "@/lib/http";
import { idParams } from "@/lib/http-params";
import { admissionCookieHeader } from "@/lib/queue/admission-gate";
import { joinQueue, queueStatus, type QueueView } from "@/lib/queue/waiting-room";
import { enforceRateLimit } from "@/lib/rate-limit";
import { noteRefusal } from "@/lib/refusals/recorder";
import { services } from "@/lib/services";

/** The view as JSON, never cached; an admitted fan's browser also gets the token as the hold endpoint's cookie. */
function answer(view: QueueView): Response {
  const response = json(view, 200, { "cache-control": "no-store" });
  if (view.admissionToken && view.admittedUntil) {
    const cookie = admissionCookieHeader(
      {
        eventId: view.eventId,
        token: view.admissionToken,
        expiresAt: new Date(view.admittedUntil),
        now: services().clock(),
      },
      config().APP_URL.startsWith("https://"),
    );
    response.headers.append("set-cookie", cookie);
  }
  return response;
}

// Join the waiting room (idempotent while waiting or admitted; after the turn is over, back of the line).
// A refused join (an unconfirmed e-mail address) is counted for the organizer like a refused hold.
export const POST = route({ access: "signed-in", params: idParams("eventId") }, async ({ actor, params, clientIp }) => {
  await enforceRateLimit(services(), { key: `queue-join:${actor.userId}`, limit: 20, windowSeconds: 60 });
  const attempt = { eventId: params.eventId, userId: actor.userId, clientIp };
  const view = await joinQueue(services(), { eventId: params.eventId, userId: actor.userId }).catch(
    (error: unknown) => {
      throw noteRefusal(services().refusals, attempt, error);
    },
  );
  return answer(view);
});

// Where the fan stands; the queue page reads it on load and on admission, and follows …/queue/stream between.
export const GET = route({ access: "signed-in", params: idParams("eventId") }, async ({ actor, params }) => {
  await enforceRateLimit(services(), { key: `queue-status:${actor.userId}`, limit: 60, windowSeconds: 60 });
  return answer(await queueStatus(services(), { eventId: params.eventId, userId: actor.userId }));
});
