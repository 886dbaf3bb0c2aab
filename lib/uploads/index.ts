import "server-only";
import type { Config } from "@/lib/config";
import { diskUploadStore } from "./disk";
import type { UploadStore } from "./store";

/** The store for uploaded files: a folder on disk (UPLOADS_DIR, default .data/uploads). */
export function uploadStoreFor(config: Config): UploadStore {
  return diskUploadStore(config.UPLOADS_DIR);
}
