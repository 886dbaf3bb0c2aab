// Deterministic artwork per event, drawn from its category and title, so the
// catalogue needs no image hosting and no network at build time.

/** Per category: dark, mid and light. The initials sit on a plate of the dark colour (tests/unit/event-art.test.ts). */
export const ART_PALETTES: Record<string, [string, string, string]> = {
  CONCERT: ["#312e81", "#7c3aed", "#f472b6"],
  SPORTS: ["#064e3b", "#059669", "#fde047"],
  THEATRE: ["#7f1d1d", "#b91c1c", "#fbbf24"],
  COMEDY: ["#7c2d12", "#ea580c", "#fde68a"],
  FAMILY: ["#0c4a6e", "#0284c7", "#a7f3d0"],
};

function hash(text: string): number {
  let h = 2166136261;
  for (let i = 0; i < text.length; i++) h = Math.imul(h ^ text.charCodeAt(i), 16777619);
  return h >>> 0;
}

export function EventArt({ title, category, className }: { title: string; category: string; className?: string }) {
  const [dark, mid, light] = ART_PALETTES[category] ?? ART_PALETTES.CONCERT!;
  const h = hash(title);
  const circles = Array.from({ length: 5 }, (_, i) => {
    const v = hash(`${title}:${i}`);
    return { cx: v % 320, cy: (v >>> 9) % 180, r: 20 + ((v >>> 17) % 70), opacity: 0.15 + ((v >>> 5) % 40) / 100 };
  });
  const initials = title
    .split(/\s+/)
    .filter((w) => /^[A-Za-z0-9]/.test(w))
    .slice(0, 2)
    .map((w) => w[0]!.toUpperCase())
    .join("");
  return (
    <svg
      viewBox="0 0 320 180"
      className={className}
      role="img"
      aria-label={`${category.toLowerCase()} artwork for ${title}`}
    >
      <defs>
        <linearGradient id={`g${h}`} x1="0" y1="0" x2="1" y2="1">
          <stop offset="0" stopColor={dark} />
          <stop offset="1" stopColor={mid} />
        </linearGradient>
      </defs>
      <rect width="320" height="180" fill={`url(#g${h})`} />
      {circles.map((c, i) => (
        <circle key={i} cx={c.cx} cy={c.cy} r={c.r} fill={light} opacity={c.opacity} />
      ))}
      {initials && (
        // The light circles can pass behind the initials: a solid plate keeps them legible (WCAG AA)
        // whatever the artwork does around them.
        <>
          <rect x="12" y="112" width={24 + initials.length * 36} height="58" rx="10" fill={dark} />
          <text x="22" y="158" fill="#ffffff" fontSize="44" fontWeight="800" fontFamily="system-ui, sans-serif">
            {initials}
          </text>
        </>
      )}
    </svg>
  );
}
