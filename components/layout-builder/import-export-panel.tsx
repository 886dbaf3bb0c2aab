"use client";

import { useId, useState } from "react";
import { layoutInput, type Layout } from "@/lib/events/layout/format";
import { shapeIssues } from "@/lib/events/layout/validate";
import { Panel, buttonClass, inputClass } from "./fields";

type Props = { layout: Layout; fileName: string; onLoad: (layout: Layout) => void };

/** Reads a layout from JSON text: refused (with the reasons) unless its shape parses; other problems show once loaded. */
export function readLayoutJson(text: string): { ok: true; layout: Layout } | { ok: false; problems: string[] } {
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch (error) {
    return { ok: false, problems: [`This is not JSON: ${(error as Error).message}`] };
  }
  const parsed = layoutInput.safeParse(json);
  if (parsed.success) return { ok: true, layout: parsed.data };
  return {
    ok: false,
    problems: shapeIssues(parsed.error.issues)
      .slice(0, 10)
      .map((i) => (i.path ? `${i.path}: ${i.message}` : i.message)),
  };
}

/** The layout as a JSON file, and a JSON file or pasted text as the layout (undo brings the old one back). */
export function ImportExportPanel({ layout, fileName, onLoad }: Props) {
  const uid = useId();
  const [text, setText] = useState("");
  const [result, setResult] = useState<{ ok: boolean; lines: string[] } | null>(null);

  function load(source: string, from: string) {
    const read = readLayoutJson(source);
    if (read.ok) {
      onLoad(read.layout);
      setResult({
        ok: true,
        lines: [`Loaded “${read.layout.name}” from ${from}. Undo brings back the previous layout.`],
      });
    } else setResult({ ok: false, lines: [`Nothing was loaded from ${from}:`, ...read.problems] });
  }

  function download() {
    const blob = new Blob([JSON.stringify(layout, null, 2)], { type: "application/json" });
    const url = URL.createObjectURL(blob);
    const link = document.createElement("a");
    link.href = url;
    link.download = fileName;
    link.click();
    URL.revokeObjectURL(url);
  }

  return (
    <Panel id="import-heading" title="Import and export">
      <div className="flex flex-wrap items-center gap-2">
        <button type="button" className={buttonClass} onClick={download}>
          Download JSON
        </button>
        <label className={`${buttonClass} cursor-pointer focus-within:outline-3 focus-within:outline-brand-600`}>
          Import a JSON file
          <input
            type="file"
            accept="application/json,.json"
            className="sr-only"
            onChange={async (event) => {
              const file = event.target.files?.[0];
              event.target.value = "";
              if (file) load(await file.text(), file.name);
            }}
          />
        </label>
      </div>
      <div className="flex flex-col gap-1">
        <label htmlFor={`${uid}-paste`} className="text-xs font-medium text-slate-800">
          Or paste layout JSON
        </label>
        <textarea
          id={`${uid}-paste`}
          className={`${inputClass} h-24 font-mono text-xs`}
          value={text}
          spellCheck={false}
          onChange={(event) => setText(event.target.value)}
        />
        <button
          type="button"
          className={`${buttonClass} self-start`}
          disabled={!text.trim()}
          onClick={() => load(text, "the pasted text")}
        >
          Load pasted JSON
        </button>
      </div>
      {result && (
        <div
          role={result.ok ? "status" : "alert"}
          className={`text-sm ${result.ok ? "text-green-900" : "text-red-800"}`}
        >
          {result.lines.map((line, i) => (
            <p key={i}>{line}</p>
          ))}
        </div>
      )}
      <p className="text-xs text-slate-600">
        The format (<code>marquee.layout/1</code>) is described in the API documentation; the same JSON can be sent to{" "}
        <code>PUT /api/v1/venues/&#123;id&#125;/layout</code>.
      </p>
    </Panel>
  );
}
