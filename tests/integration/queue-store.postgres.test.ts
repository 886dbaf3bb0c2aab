import { db } from "@/lib/db";
import { postgresQueueStore } from "@/lib/queue/postgres-store";
import { queueStoreContract } from "./queue-store.contract";

queueStoreContract("PostgreSQL", () => postgresQueueStore(db));
