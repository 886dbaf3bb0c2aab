// Delivers one `orders.cancel-event` message in a process of its own, as the worker would, so that a test can
// SIGKILL it halfway: `node --conditions=react-server --import tsx tests/support/cancel-event-child.ts <eventId>`
// with the test's environment (DATABASE_URL and the rest). Prints "done" when the handler has returned.
import { cancelEventHandler } from "@/lib/orders/cancellation";
import { services } from "@/lib/services";

const eventId = process.argv[2];
if (!eventId) throw new Error("usage: cancel-event-child.ts <eventId>");
const { db, gateway } = services();
await cancelEventHandler({ db, gateway })({ eventId });
await db.$disconnect();
console.log("done");
