import { postgresHoldStore } from "@/lib/inventory/postgres-hold-store";
import { holdStoreContract } from "./hold-store.contract";

holdStoreContract("PostgreSQL", () => postgresHoldStore);
