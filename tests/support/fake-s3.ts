import type { IncomingHttpHeaders } from "node:http";
import { sha256Hex, signRequest } from "@/lib/uploads/sigv4";
import { startRecordingServer } from "./recording-server";

// A stand-in for an S3-compatible service on loopback, addressed path-style
// (<endpoint>/<bucket>/<key>) as MinIO and R2 are. It refuses a request whose
// Authorization header is not SigV4 for its access key, bucket region and the
// "s3" service, whose x-amz-content-sha256 is not the hash of the body received,
// or whose signature does not match the headers as they arrived; objects are
// kept in memory and answered with S3's documented statuses and XML errors.

export type S3Request = {
  method: string;
  /** Decoded, without the query string, e.g. /bucket/events/e1/abc.webp. */
  path: string;
  url: URL;
  headers: IncomingHttpHeaders;
  body: Buffer;
};

export type S3Response = { status: number; headers?: Record<string, string>; body?: Buffer | string };

export type StoredObject = { bytes: Buffer; contentType: string | undefined; cacheControl: string | undefined };

export type FakeS3 = {
  /** As S3_ENDPOINT would hold it. */
  endpoint: string;
  bucket: string;
  region: string;
  accessKeyId: string;
  secretAccessKey: string;
  requests: S3Request[];
  /** Key → object, for the one bucket. */
  objects: Map<string, StoredObject>;
  /** The reason each refused request was refused, in order. */
  refusals: string[];
  close(): Promise<void>;
};

/** S3's error body. */
export function s3Error(status: number, code: string, message: string): S3Response {
  return {
    status,
    headers: { "content-type": "application/xml" },
    body: `<?xml version="1.0" encoding="UTF-8"?>\n<Error><Code>${code}</Code><Message>${message}</Message><RequestId>fake</RequestId></Error>`,
  };
}

const AUTHORIZATION =
  /^AWS4-HMAC-SHA256 Credential=([^/]+)\/(\d{8})\/([a-z0-9-]+)\/([a-z0-9]+)\/aws4_request,\s?SignedHeaders=([a-z0-9;-]+),\s?Signature=([0-9a-f]{64})$/;

export async function startFakeS3(
  options: { bucket?: string; region?: string; accessKeyId?: string; secretAccessKey?: string } = {},
): Promise<FakeS3> {
  const bucket = options.bucket ?? "marquee-test";
  const region = options.region ?? "eu-west-1";
  const accessKeyId = options.accessKeyId ?? "AKIAFAKES3TEST";
  const secretAccessKey = options.secretAccessKey ?? "fake/secret+key";
  const objects = new Map<string, StoredObject>();
  const refusals: string[] = [];

  const refuse = (status: number, code: string, why: string) => {
    refusals.push(`${code}: ${why}`);
    return s3Error(status, code, why);
  };

  const header = (request: S3Request, name: string) => {
    const value = request.headers[name];
    return Array.isArray(value) ? value.join(",") : value;
  };

  const server = await startRecordingServer<S3Request, S3Response>({
    record: ({ method, url, headers, body }) => ({
      method,
      path: decodeURIComponent(url.pathname),
      url,
      headers,
      body,
    }),
    guard(request) {
      const authorization = header(request, "authorization") ?? "";
      const match = AUTHORIZATION.exec(authorization);
      if (!match) return refuse(400, "AuthorizationHeaderMalformed", `not a SigV4 header: ${authorization}`);
      const [, key, day, scopeRegion, service, signedHeaders = "", signature] = match;
      if (key !== accessKeyId) return refuse(403, "InvalidAccessKeyId", `unknown access key ${key}`);
      if (scopeRegion !== region) return refuse(400, "AuthorizationHeaderMalformed", `region ${scopeRegion}`);
      if (service !== "s3") return refuse(400, "AuthorizationHeaderMalformed", `service ${service}`);
      const date = header(request, "x-amz-date") ?? "";
      if (!/^\d{8}T\d{6}Z$/.test(date) || date.slice(0, 8) !== day)
        return refuse(403, "AccessDenied", `x-amz-date ${date} does not match the scope's day ${day}`);
      const names = signedHeaders.split(";");
      for (const required of ["host", "x-amz-content-sha256", "x-amz-date"])
        if (!names.includes(required)) return refuse(403, "AccessDenied", `${required} is not signed`);
      const payloadHash = header(request, "x-amz-content-sha256");
      if (payloadHash !== sha256Hex(request.body))
        return refuse(400, "XAmzContentSHA256Mismatch", "x-amz-content-sha256 is not the body's hash");
      // Recompute the signature over the headers exactly as they arrived.
      const signedValues = Object.fromEntries(
        names
          .filter((n) => !["host", "x-amz-date", "x-amz-content-sha256"].includes(n))
          .map((n) => [n, header(request, n) ?? ""]),
      );
      const expected = signRequest({
        method: request.method,
        url: new URL(`http://${header(request, "host")}${request.url.pathname}${request.url.search}`),
        headers: signedValues,
        payloadHash,
        region,
        service: "s3",
        credentials: { accessKeyId, secretAccessKey },
        now: new Date(
          `${date.slice(0, 4)}-${date.slice(4, 6)}-${date.slice(6, 8)}T${date.slice(9, 11)}:${date.slice(11, 13)}:${date.slice(13, 15)}Z`,
        ),
      });
      if (expected.signature !== signature)
        return refuse(403, "SignatureDoesNotMatch", "the signature does not match the request as received");
      if (!request.path.startsWith(`/${bucket}/`))
        return s3Error(404, "NoSuchBucket", "The specified bucket does not exist");
      return undefined;
    },
    fallback(request) {
      const key = request.path.slice(bucket.length + 2);
      if (request.method === "PUT") {
        objects.set(key, {
          bytes: request.body,
          contentType: header(request, "content-type"),
          cacheControl: header(request, "cache-control"),
        });
        return { status: 200, headers: { etag: `"${sha256Hex(request.body).slice(0, 32)}"` } };
      }
      if (request.method === "GET") {
        const object = objects.get(key);
        if (!object) return s3Error(404, "NoSuchKey", "The specified key does not exist.");
        return {
          status: 200,
          headers: {
            "content-type": object.contentType ?? "binary/octet-stream",
            ...(object.cacheControl ? { "cache-control": object.cacheControl } : {}),
          },
          body: object.bytes,
        };
      }
      if (request.method === "DELETE") {
        objects.delete(key);
        return { status: 204 };
      }
      return s3Error(405, "MethodNotAllowed", "The specified method is not allowed against this resource.");
    },
    send(res, response) {
      const body = response.body ?? "";
      res.writeHead(response.status, { ...response.headers, "content-length": String(Buffer.byteLength(body)) });
      res.end(body);
    },
  });

  return {
    endpoint: `http://127.0.0.1:${server.port}`,
    bucket,
    region,
    accessKeyId,
    secretAccessKey,
    requests: server.requests,
    objects,
    refusals,
    close: () => server.close(),
  };
}
