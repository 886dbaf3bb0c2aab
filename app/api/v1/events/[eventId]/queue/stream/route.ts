import { route } from "@/lib/http";
import { idParams } from "@/lib/http-params";
import { placeInLine, queueEventStream } from "@/lib/queue/stream";
import { enforceRateLimit } from "@/lib/rate-limit";
import { services } from "@/lib/services";

// Server-Sent Events of the fan's place in line (lib/queue/stream.ts); 404 until they joined.
export const GET = route({ access: "signed-in", params: idParams("eventId") }, async ({ actor, params, request }) => {
  await enforceRateLimit(services(), { key: `queue-stream:${actor.userId}`, limit: 30, windowSeconds: 60 });
  const options = { eventId: params.eventId, userId: actor.userId };
  const first = await placeInLine(services(), options);
  return new Response(queueEventStream(services(), { ...options, first, signal: request.signal }), {
    headers: {
      "content-type": "text/event-stream; charset=utf-8",
      // no-transform: compression would hold events back until a buffer fills.
      "cache-control": "no-cache, no-transform",
      "x-accel-buffering": "no",
    },
  });
});
