import { z } from "zod";
import { AppError } from "@/lib/errors";
import { route } from "@/lib/http";
import { services } from "@/lib/services";

const params = z.object({ path: z.array(z.string().max(100)).min(1).max(4) });

/**
 * Uploaded images. Their names carry a hash of their content, so a URL always means the
 * same bytes and browsers and CDNs may keep them for a year. Served from the upload store
 * (disk or S3), or redirected to S3_PUBLIC_URL when that is set.
 */
export const GET = route({ access: "public", params }, async ({ params }) => {
  const { uploads } = services();
  const key = params.path.join("/");
  // With S3_PUBLIC_URL the bucket (or its CDN) serves the bytes. Temporary, and cached for a day
  // only, so a change of S3_PUBLIC_URL reaches browsers; the target itself is cached for a year.
  const direct = uploads.publicUrl?.(key);
  if (direct)
    return new Response(null, { status: 302, headers: { location: direct, "cache-control": "public, max-age=86400" } });
  const bytes = await uploads.get(key);
  if (!bytes) throw new AppError("NOT_FOUND", "No such file.");
  return new Response(Buffer.from(bytes), {
    headers: {
      "content-type": "image/webp",
      "content-length": String(bytes.byteLength),
      "cache-control": "public, max-age=31536000, immutable",
    },
  });
});
