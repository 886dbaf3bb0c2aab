import { redisQueueStore } from "@/lib/queue/redis-store";
import { upstashForThisFile } from "../support/upstash-connection";
import { queueStoreContract } from "./queue-store.contract";

// Upstash's client JSON-parses replies (ids, ranks and times come back as numbers): the same suite over its REST API.
const upstash = upstashForThisFile();

queueStoreContract("Redis (Upstash REST)", () => redisQueueStore(upstash.connection()));
