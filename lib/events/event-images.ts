import "server-only";
import { createHash } from "node:crypto";
import sharp from "sharp";
import { changedFields } from "@/lib/audit/changes";
import type { Actor } from "@/lib/auth/actor";
import { AppError } from "@/lib/errors";
import type { UploadStore } from "@/lib/uploads/store";
import { authorizeEvent, changeEvent, type AuthoringDeps } from "./event-access";
import { IMAGE_WIDTHS, imageVariantPath } from "./image-urls";

// An event's image: checked, resized to a few WebP widths and stored, then named on the
// event. sharp decodes and encodes in libvips' own threads, so a 12-megapixel photo does
// not stall other requests on the event loop; its pixel limit refuses decompression bombs.

/** Server actions take bodies up to 1 MB (next.config.ts); the image gets nearly all of it. */
export const MAX_IMAGE_BYTES = 950 * 1024;
const MAX_INPUT_PIXELS = 40_000_000;
const ACCEPTED_FORMATS = new Set(["jpeg", "png", "webp", "avif", "gif"]);

function refuse(message: string) {
  return new AppError("VALIDATION_FAILED", message, {
    issues: [{ path: "image", message }],
    fields: { image: [message] },
  });
}

/** The WebP widths of an image, largest first; never enlarged beyond the original. */
export async function resizeEventImage(bytes: Uint8Array) {
  if (bytes.byteLength === 0) throw refuse("Choose an image file.");
  if (bytes.byteLength > MAX_IMAGE_BYTES) throw refuse("The image must be at most 950 KB.");
  let format: string | undefined;
  try {
    format = (await sharp(bytes, { limitInputPixels: MAX_INPUT_PIXELS }).metadata()).format;
  } catch {
    throw refuse("That file is not an image we can read (use JPEG, PNG, WebP, AVIF or GIF).");
  }
  // The content decides, not the file name or the browser's declared type.
  if (!format || !ACCEPTED_FORMATS.has(format)) throw refuse("Use a JPEG, PNG, WebP, AVIF or GIF image.");
  return Promise.all(
    IMAGE_WIDTHS.map(async (width) => ({
      width,
      // rotate() applies the EXIF orientation; metadata (location included) is not copied.
      bytes: await sharp(bytes, { limitInputPixels: MAX_INPUT_PIXELS, animated: false })
        .rotate()
        .resize({ width, withoutEnlargement: true })
        .webp({ quality: 80 })
        .toBuffer(),
    })),
  );
}

/** Resizes, stores and sets an event's image; returns the event's new image path. */
export async function setEventImage(
  deps: AuthoringDeps & { uploads: UploadStore },
  options: { actor: Actor; eventId: string; bytes: Uint8Array },
) {
  // Authorize before spending CPU on someone else's upload.
  await authorizeEvent(deps.db, options.actor, options.eventId);
  const variants = await resizeEventImage(options.bytes);
  const hash = createHash("sha256").update(options.bytes).digest("hex").slice(0, 16);
  const basePath = `events/${options.eventId}/${hash}.webp`;
  for (const variant of variants) await deps.uploads.put(imageVariantPath(basePath, variant.width), variant.bytes);
  await changeEvent(deps, options, async (tx, _now, audit) => {
    const before = await tx.event.findUniqueOrThrow({ where: { id: options.eventId }, select: { imagePath: true } });
    await tx.event.update({ where: { id: options.eventId }, data: { imagePath: basePath } });
    await audit({ action: "event.updated", ...changedFields(before, { imagePath: basePath }) });
  });
  return basePath;
}
