// Where uploaded files live. One implementation today, a folder on disk (`disk.ts`);
// an S3-compatible bucket would be a second one behind the same three calls (see README).

export interface UploadStore {
  readonly kind: "disk";
  /** Stores `bytes` at `key` ("events/<id>/<hash>-960.webp"), replacing nothing: keys are content hashes. */
  put(key: string, bytes: Uint8Array): Promise<void>;
  /** The bytes at `key`, or null. */
  get(key: string): Promise<Uint8Array | null>;
}

/** Keys are made by Marquee, never taken from a request as they are: letters, digits, - _ . and /. */
export const UPLOAD_KEY = /^[a-z]+\/[A-Za-z0-9_-]{1,64}\/[a-f0-9]{16}(-\d{2,4})?\.webp$/;
