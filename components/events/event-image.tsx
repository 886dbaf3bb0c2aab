import { eventImageUrls } from "@/lib/events/image-urls";

/**
 * An uploaded event image in the WebP widths stored for it; the browser picks the width it needs.
 * A plain <picture>, not next/image: the widths are already made (lib/events/event-images.ts).
 */
export function EventImage({ path, alt, className }: { path: string; alt: string; className?: string }) {
  const { src, srcSet } = eventImageUrls(path);
  return (
    <picture>
      <source type="image/webp" srcSet={srcSet} sizes="(min-width: 768px) 33vw, 100vw" />
      <img src={src} alt={alt} className={`object-cover ${className ?? ""}`} />
    </picture>
  );
}
