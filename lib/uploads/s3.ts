import "server-only";
import { sha256Hex, signRequest } from "./sigv4";
import { UPLOAD_KEY, type UploadStore } from "./store";

export type S3Settings = {
  bucket: string;
  region: string;
  accessKeyId: string;
  secretAccessKey: string;
  /** MinIO, R2, B2…: the service's base URL; objects are then addressed path-style (<endpoint>/<bucket>/<key>). */
  endpoint?: string | undefined;
  /** A CDN or public bucket URL under which `<key>` can be fetched by browsers; `/media` redirects there. */
  publicUrl?: string | undefined;
};

export type S3UploadStore = UploadStore & {
  readonly kind: "s3";
  /** DeleteObject. S3 answers 204 whether or not the object existed, so deleting twice is fine. */
  delete(key: string): Promise<void>;
};

/** Uploads are immutable (keys are content hashes): stored with the header `/media` would send. */
export const UPLOAD_CACHE_CONTROL = "public, max-age=31536000, immutable";
const TIMEOUT_MS = 10_000;

export class S3Error extends Error {
  constructor(
    readonly status: number,
    readonly code: string | null,
    message: string,
  ) {
    super(message);
    this.name = "S3Error";
  }
}

/**
 * Uploads in an S3-compatible bucket, through PutObject, GetObject and DeleteObject signed with
 * SigV4 (sigv4.ts). The access key needs s3:PutObject, s3:GetObject, s3:DeleteObject and
 * s3:ListBucket: without ListBucket, S3 answers a missing object with 403 instead of 404.
 */
export function s3UploadStore(
  settings: S3Settings,
  options: { now?: () => Date; fetch?: typeof fetch } = {},
): S3UploadStore {
  const now = options.now ?? (() => new Date());
  const send = options.fetch ?? fetch;
  const endpoint = settings.endpoint?.replace(/\/+$/, "");
  const publicBase = settings.publicUrl?.replace(/\/+$/, "");
  const objectUrl = (key: string) =>
    endpoint
      ? new URL(`${endpoint}/${settings.bucket}/${key}`)
      : new URL(`https://${settings.bucket}.s3.${settings.region}.amazonaws.com/${key}`);
  const checked = (key: string) => {
    if (!UPLOAD_KEY.test(key)) throw new Error(`not an upload key: ${key}`);
    return key;
  };

  async function request(method: string, key: string, body?: Uint8Array, headers: Record<string, string> = {}) {
    const url = objectUrl(key);
    const signed = signRequest({
      method,
      url,
      headers,
      payloadHash: sha256Hex(body ?? ""),
      region: settings.region,
      service: "s3",
      credentials: settings,
      now: now(),
    });
    const { host: _host, ...sent } = signed.headers;
    return send(url, {
      method,
      headers: { ...sent, authorization: signed.authorization },
      ...(body ? { body: Buffer.from(body) } : {}),
      signal: AbortSignal.timeout(TIMEOUT_MS),
    });
  }

  async function failure(response: Response, action: string, key: string): Promise<S3Error> {
    const text = await response.text().catch(() => "");
    const code = /<Code>([^<]*)<\/Code>/.exec(text)?.[1] ?? null;
    return new S3Error(
      response.status,
      code,
      `S3 ${action} ${settings.bucket}/${key} failed: ${response.status}${code ? ` ${code}` : ""}`,
    );
  }

  return {
    kind: "s3",
    async put(key, bytes) {
      const response = await request("PUT", checked(key), bytes, {
        "content-type": "image/webp", // the only kind of upload key there is (UPLOAD_KEY)
        "cache-control": UPLOAD_CACHE_CONTROL,
      });
      if (!response.ok) throw await failure(response, "PutObject", key);
      await response.body?.cancel();
    },
    async get(key) {
      if (!UPLOAD_KEY.test(key)) return null;
      const response = await request("GET", key);
      if (response.ok) return new Uint8Array(await response.arrayBuffer());
      const error = await failure(response, "GetObject", key);
      // A missing key is null; a missing bucket is a misconfiguration, not a missing image.
      if (error.status === 404 && error.code !== "NoSuchBucket") return null;
      throw error;
    },
    async delete(key) {
      const response = await request("DELETE", checked(key));
      if (!response.ok) throw await failure(response, "DeleteObject", key);
      await response.body?.cancel();
    },
    ...(publicBase ? { publicUrl: (key: string) => (UPLOAD_KEY.test(key) ? `${publicBase}/${key}` : null) } : {}),
  };
}
