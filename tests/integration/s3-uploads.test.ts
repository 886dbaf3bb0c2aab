import { afterAll, describe, expect, it, vi } from "vitest";

// Real HTTP to a fake S3 on loopback (tests/support/fake-s3.ts), which checks every request's
// SigV4 Authorization header. The process's configuration points at it, so the media route
// is exercised through services() as in production.
const fake = await vi.hoisted(async () => {
  const { startFakeS3 } = await import("../support/fake-s3");
  const started = await startFakeS3();
  process.env.S3_BUCKET = started.bucket;
  process.env.S3_REGION = started.region;
  process.env.S3_ACCESS_KEY_ID = started.accessKeyId;
  process.env.S3_SECRET_ACCESS_KEY = started.secretAccessKey;
  process.env.S3_ENDPOINT = started.endpoint;
  return started;
});

import { GET as mediaRoute } from "@/app/media/[...path]/route";
import { serviceModes } from "@/lib/config";
import { s3UploadStore, S3Error } from "@/lib/uploads/s3";
import { services } from "@/lib/services";

afterAll(() => fake.close());

const settings = {
  bucket: fake.bucket,
  region: fake.region,
  accessKeyId: fake.accessKeyId,
  secretAccessKey: fake.secretAccessKey,
  endpoint: fake.endpoint,
};
const unique = () => Math.random().toString(16).slice(2).padEnd(16, "0").slice(0, 16);
const keyOf = (hash: string, width = 960) => `events/s3test/${hash}-${width}.webp`;

describe("S3 upload store", () => {
  it("puts with the image's type and a year-long cache, gets the bytes back, and deletes (204)", async () => {
    const store = s3UploadStore(settings);
    const key = keyOf(unique());
    const bytes = new Uint8Array([0x52, 0x49, 0x46, 0x46, 0, 0xff, 0x80, 0x0a]); // binary, not UTF-8
    const before = fake.requests.length;

    await store.put(key, bytes);
    expect(fake.objects.get(key)).toEqual({
      bytes: Buffer.from(bytes),
      contentType: "image/webp",
      cacheControl: "public, max-age=31536000, immutable",
    });
    expect(await store.get(key)).toEqual(bytes);
    await store.delete(key);
    expect(fake.objects.has(key)).toBe(false);
    expect(await store.get(key)).toBeNull();

    const sent = fake.requests.slice(before);
    expect(sent.map((r) => `${r.method} ${r.path}`)).toEqual([
      `PUT /${fake.bucket}/${key}`,
      `GET /${fake.bucket}/${key}`,
      `DELETE /${fake.bucket}/${key}`,
      `GET /${fake.bucket}/${key}`,
    ]);
    expect(sent[0]?.headers.authorization).toMatch(
      new RegExp(`^AWS4-HMAC-SHA256 Credential=${fake.accessKeyId}/\\d{8}/${fake.region}/s3/aws4_request,`),
    );
    expect(sent[0]?.headers.authorization).toContain(
      "SignedHeaders=cache-control;content-type;host;x-amz-content-sha256;x-amz-date,",
    );
    expect(fake.refusals).toEqual([]);
  });

  it("answers null for a missing object (404 NoSuchKey) and for a string that is not an upload key", async () => {
    const store = s3UploadStore(settings);
    const before = fake.requests.length;
    expect(await store.get(keyOf(unique()))).toBeNull();
    expect(await store.get("../etc/passwd")).toBeNull();
    expect(fake.requests.length).toBe(before + 1); // the non-key never leaves the process
    await expect(store.put("../etc/passwd", new Uint8Array([1]))).rejects.toThrow(/not an upload key/);
  });

  it("raises S3's error code for a wrong secret, a wrong region and a missing bucket, instead of answering null", async () => {
    const key = keyOf(unique());
    const refusalsBefore = fake.refusals.length;
    const wrongSecret = s3UploadStore({ ...settings, secretAccessKey: "not-the-secret" });
    await expect(wrongSecret.get(key)).rejects.toMatchObject({ status: 403, code: "SignatureDoesNotMatch" });
    await expect(wrongSecret.put(key, new Uint8Array([1]))).rejects.toBeInstanceOf(S3Error);
    const wrongRegion = s3UploadStore({ ...settings, region: "us-east-1" });
    await expect(wrongRegion.get(key)).rejects.toMatchObject({ status: 400, code: "AuthorizationHeaderMalformed" });
    expect(fake.refusals.length).toBe(refusalsBefore + 3);
    const wrongBucket = s3UploadStore({ ...settings, bucket: "not-the-bucket" });
    await expect(wrongBucket.get(key)).rejects.toMatchObject({ status: 404, code: "NoSuchBucket" });
    expect(fake.objects.has(key)).toBe(false);
  });

  it("gives a public URL only when S3_PUBLIC_URL is set, and only for upload keys", () => {
    const key = keyOf(unique());
    expect(s3UploadStore(settings).publicUrl).toBeUndefined();
    const store = s3UploadStore({ ...settings, publicUrl: "https://cdn.example.com/uploads/" });
    expect(store.publicUrl?.(key)).toBe(`https://cdn.example.com/uploads/${key}`);
    expect(store.publicUrl?.("../secret")).toBeNull();
  });
});

describe("/media with S3 configured", () => {
  const get = (path: string) =>
    mediaRoute(new Request(`http://localhost:3000/media/${path}`), {
      params: Promise.resolve({ path: path.split("/") }),
    });

  it("is chosen by the configuration, and streams the bucket's bytes with the route's headers", async () => {
    expect(services().uploads.kind).toBe("s3");
    expect(serviceModes().uploads).toBe("s3");
    const key = keyOf(unique(), 480);
    const bytes = new Uint8Array([1, 2, 3, 250]);
    await services().uploads.put(key, bytes);

    const response = await get(key);
    expect(response.status).toBe(200);
    expect(response.headers.get("content-type")).toBe("image/webp");
    expect(response.headers.get("content-length")).toBe("4");
    expect(response.headers.get("cache-control")).toBe("public, max-age=31536000, immutable");
    expect(new Uint8Array(await response.arrayBuffer())).toEqual(bytes);

    expect((await get(keyOf(unique()))).status).toBe(404);
  });
});
