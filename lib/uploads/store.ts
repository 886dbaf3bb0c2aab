// Where uploaded files live: a folder on disk (`disk.ts`, the default) or an S3-compatible
// bucket (`s3.ts`), chosen in `index.ts` from the configuration.

export interface UploadStore {
  readonly kind: "disk" | "s3";
  /** Stores `bytes` at `key` ("events/<id>/<hash>-960.webp"), replacing nothing: keys are content hashes. */
  put(key: string, bytes: Uint8Array): Promise<void>;
  /** The bytes at `key`, or null (also for a string that is not an upload key). */
  get(key: string): Promise<Uint8Array | null>;
  /**
   * Where browsers can fetch `key` themselves (a CDN or public bucket URL), so `/media` redirects
   * there instead of serving the bytes; null for a string that is not an upload key. Absent when
   * the app serves its uploads.
   */
  publicUrl?(key: string): string | null;
}

/** Keys are made by Marquee, never taken from a request as they are: letters, digits, - _ . and /. */
export const UPLOAD_KEY = /^[a-z]+\/[A-Za-z0-9_-]{1,64}\/[a-f0-9]{16}(-\d{2,4})?\.webp$/;
