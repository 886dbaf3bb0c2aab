import { z } from "zod";
import { AppError } from "@/lib/errors";
import { route } from "@/lib/http";
import { services } from "@/lib/services";

const params = z.object({ path: z.array(z.string().max(100)).min(1).max(4) });

/**
 * Uploaded images. Their names carry a hash of their content, so a URL always means the
 * same bytes and browsers and CDNs may keep them for a year.
 */
export const GET = route({ access: "public", params }, async ({ params }) => {
  const bytes = await services().uploads.get(params.path.join("/"));
  if (!bytes) throw new AppError("NOT_FOUND", "No such file.");
  return new Response(Buffer.from(bytes), {
    headers: {
      "content-type": "image/webp",
      "content-length": String(bytes.byteLength),
      "cache-control": "public, max-age=31536000, immutable",
    },
  });
});
