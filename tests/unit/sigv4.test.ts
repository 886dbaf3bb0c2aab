import { describe, expect, it } from "vitest";
import { EMPTY_PAYLOAD_HASH, amzDate, sha256Hex, signRequest } from "@/lib/uploads/sigv4";

// AWS's published example for S3, "Signature Calculations for the Authorization Header:
// Transferring Payload in a Single Chunk" → "Example: GET Object" (the first 10 bytes of
// test.txt in examplebucket). The expected canonical request, string to sign and signature
// are AWS's, as quoted in two independent places found for this test: the cloudyr
// aws.signature package's tests (tests/testthat/test-v4.R) and a copy of the AWS page in
// ForeverPyrite/r2client (aws_sigv4/examples.md).
const example = {
  credentials: { accessKeyId: "AKIAIOSFODNN7EXAMPLE", secretAccessKey: "wJalrXUtnFEMI/K7MDENG/bPxRfiCYEXAMPLEKEY" },
  region: "us-east-1",
  service: "s3",
  now: new Date("2013-05-24T00:00:00Z"),
};

describe("SigV4", () => {
  it("reproduces AWS's GET Object example: canonical request, string to sign, signature, header", () => {
    const signed = signRequest({
      ...example,
      method: "GET",
      url: new URL("https://examplebucket.s3.amazonaws.com/test.txt"),
      headers: { Range: "bytes=0-9" },
      payloadHash: EMPTY_PAYLOAD_HASH,
    });
    expect(signed.canonicalRequest).toBe(
      [
        "GET",
        "/test.txt",
        "",
        "host:examplebucket.s3.amazonaws.com",
        "range:bytes=0-9",
        "x-amz-content-sha256:e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855",
        "x-amz-date:20130524T000000Z",
        "",
        "host;range;x-amz-content-sha256;x-amz-date",
        "e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855",
      ].join("\n"),
    );
    expect(signed.stringToSign).toBe(
      [
        "AWS4-HMAC-SHA256",
        "20130524T000000Z",
        "20130524/us-east-1/s3/aws4_request",
        "7344ae5b7ee6c3e7e6b0fe0640412a37625d1fbfff95c48bbb2dc43964946972",
      ].join("\n"),
    );
    expect(signed.signature).toBe("f0e8bdb87c964420e857bd35b5d6ed310bd44f0170aba48dd91039c6036bdb41");
    expect(signed.authorization).toBe(
      "AWS4-HMAC-SHA256 Credential=AKIAIOSFODNN7EXAMPLE/20130524/us-east-1/s3/aws4_request," +
        "SignedHeaders=host;range;x-amz-content-sha256;x-amz-date," +
        "Signature=f0e8bdb87c964420e857bd35b5d6ed310bd44f0170aba48dd91039c6036bdb41",
    );
    expect(signed.headers).toMatchObject({
      "x-amz-date": "20130524T000000Z",
      "x-amz-content-sha256": EMPTY_PAYLOAD_HASH,
    });
  });

  it("hashes the empty payload to the documented value, and formats the date as AWS does", () => {
    expect(sha256Hex("")).toBe(EMPTY_PAYLOAD_HASH);
    expect(amzDate(new Date("2024-02-29T23:59:58.123Z"))).toBe("20240229T235958Z");
  });

  it("encodes path segments once, sorts query parameters, and keeps a port in the host", () => {
    const signed = signRequest({
      ...example,
      method: "put",
      url: new URL("http://127.0.0.1:9000/bucket/a b/c*(d)?b=2&a=x y"),
      headers: { "Content-Type": "  image/webp  " },
      payloadHash: "UNSIGNED-PAYLOAD",
    });
    const [method, uri, query, ...rest] = signed.canonicalRequest.split("\n");
    expect(method).toBe("PUT");
    expect(uri).toBe("/bucket/a%20b/c%2A%28d%29");
    expect(query).toBe("a=x%20y&b=2");
    expect(rest).toContain("host:127.0.0.1:9000");
    expect(rest).toContain("content-type:image/webp");
  });
});
