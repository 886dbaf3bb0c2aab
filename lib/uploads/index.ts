import "server-only";
import { s3Settings, type Config } from "@/lib/config";
import { diskUploadStore } from "./disk";
import { s3UploadStore } from "./s3";
import type { UploadStore } from "./store";

/** The store for uploaded files: an S3-compatible bucket when S3_* is set, else a folder on disk (UPLOADS_DIR, default .data/uploads). */
export function uploadStoreFor(config: Config): UploadStore {
  const s3 = s3Settings(config);
  return s3 ? s3UploadStore(s3) : diskUploadStore(config.UPLOADS_DIR);
}
