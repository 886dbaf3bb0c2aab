"use client";

import { useRouter } from "next/navigation";
import { useState } from "react";

/** Asks the browser where the fan is and narrows results to 50 km around it. */
export function NearMeButton({ hrefFor, active }: { hrefFor: Record<"on" | "off", string>; active: boolean }) {
  const router = useRouter();
  const [message, setMessage] = useState<string | null>(null);

  function locate() {
    if (active) {
      router.push(hrefFor.off);
      return;
    }
    if (!("geolocation" in navigator)) {
      setMessage("Your browser cannot share a location.");
      return;
    }
    setMessage("Finding you…");
    navigator.geolocation.getCurrentPosition(
      ({ coords }) => {
        setMessage(null);
        router.push(hrefFor.on.replace("__NEAR__", `${coords.latitude.toFixed(4)},${coords.longitude.toFixed(4)}`));
      },
      () => setMessage("Location is off; pick a city instead."),
      { timeout: 10_000, maximumAge: 600_000 },
    );
  }

  return (
    <span className="inline-flex items-center gap-2">
      <button
        type="button"
        onClick={locate}
        aria-pressed={active}
        className={`rounded-full border px-3 py-1 text-sm ${active ? "border-brand-700 bg-brand-700 text-white" : "border-slate-300 bg-white text-slate-800 hover:border-brand-600"}`}
      >
        Near me
      </button>
      {message && (
        <span role="status" className="text-xs text-slate-600">
          {message}
        </span>
      )}
    </span>
  );
}
