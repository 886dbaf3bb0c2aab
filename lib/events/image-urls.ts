// Where an event's uploaded image is served. Uploads are stored as a few WebP widths beside
// each other (lib/events/event-images.ts); the event row keeps the base path
// "events/<eventId>/<hash>.webp" and the widths are "<hash>-<width>.webp". The hash is of
// the image's content, so a URL never changes meaning and can be cached for a year.

export const IMAGE_WIDTHS = [480, 960, 1600] as const;
export const UPLOADS_URL_PREFIX = "/media";

export function imageVariantPath(basePath: string, width: number): string {
  return basePath.replace(/\.webp$/, `-${width}.webp`);
}

export function eventImageUrls(basePath: string) {
  const url = (width: number) => `${UPLOADS_URL_PREFIX}/${imageVariantPath(basePath, width)}`;
  return {
    src: url(IMAGE_WIDTHS[1]),
    srcSet: IMAGE_WIDTHS.map((w) => `${url(w)} ${w}w`).join(", "),
  };
}
