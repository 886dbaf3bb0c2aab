import { eventImageUrls } from "@/lib/events/image-urls";

/** An uploaded event image in the WebP widths stored for it; the browser picks the width it needs. */
export function EventImage({ path, alt, className }: { path: string; alt: string; className?: string }) {
  const { src, srcSet } = eventImageUrls(path);
  return (
    // eslint-disable-next-line @next/next/no-img-element -- the widths are already made (lib/events/event-images.ts); next/image would re-encode them
    <img
      src={src}
      srcSet={srcSet}
      sizes="(min-width: 768px) 33vw, 100vw"
      alt={alt}
      className={`object-cover ${className ?? ""}`}
    />
  );
}
