"use client";

import { useEffect, useRef, useState } from "react";

// Reads ticket QR codes (their payload is the ticket code itself: components/checkout/ticket-qr.tsx) from the
// camera: the browser's BarcodeDetector where it has one, else jsQR on downscaled canvas frames.

type Detector = { detect(source: HTMLVideoElement): Promise<{ rawValue: string }[]> };
type DetectorClass = {
  new (options: { formats: string[] }): Detector;
  getSupportedFormats?(): Promise<string[]>;
};

/** Frames looked at per second: enough to feel instant, little enough for a cheap phone's CPU. */
const FRAME_GAP_MS = 150;
/** The same code seen again within this time is the same scan (the QR code is still in view). */
const SAME_SCAN_MS = 3_000;
const MAX_FRAME_WIDTH = 640;

async function nativeDetector(): Promise<Detector | null> {
  const Native = (globalThis as { BarcodeDetector?: DetectorClass }).BarcodeDetector;
  if (!Native) return null;
  const formats = (await Native.getSupportedFormats?.()) ?? ["qr_code"];
  return formats.includes("qr_code") ? new Native({ formats: ["qr_code"] }) : null;
}

async function canvasDetector(): Promise<Detector> {
  const { default: jsQR } = await import("jsqr");
  const canvas = document.createElement("canvas");
  const context = canvas.getContext("2d", { willReadFrequently: true })!;
  return {
    async detect(video) {
      const scale = Math.min(1, MAX_FRAME_WIDTH / video.videoWidth);
      canvas.width = Math.round(video.videoWidth * scale);
      canvas.height = Math.round(video.videoHeight * scale);
      context.drawImage(video, 0, 0, canvas.width, canvas.height);
      const frame = context.getImageData(0, 0, canvas.width, canvas.height);
      const found = jsQR(frame.data, frame.width, frame.height, { inversionAttempts: "dontInvert" });
      return found ? [{ rawValue: found.data }] : [];
    },
  };
}

export function CameraScanner({ onCode }: { onCode: (code: string) => void }) {
  const [on, setOn] = useState(false);
  const [problem, setProblem] = useState<string | null>(null);
  const video = useRef<HTMLVideoElement>(null);
  const handler = useRef(onCode);
  useEffect(() => {
    handler.current = onCode;
  });

  useEffect(() => {
    if (!on) return;
    let stopped = false;
    let stream: MediaStream | null = null;
    let frame: ReturnType<typeof setTimeout> | undefined;
    const last = { code: "", at: 0 };

    (async () => {
      try {
        stream = await navigator.mediaDevices.getUserMedia({ video: { facingMode: "environment" }, audio: false });
        if (stopped || !video.current) return;
        video.current.srcObject = stream;
        await video.current.play();
        const detector = (await nativeDetector()) ?? (await canvasDetector());
        const look = async () => {
          if (stopped || !video.current) return;
          if (video.current.readyState >= 2 && video.current.videoWidth > 0) {
            const [found] = await detector.detect(video.current).catch(() => []);
            const code = found?.rawValue.trim();
            const now = Date.now();
            if (code && (code !== last.code || now - last.at > SAME_SCAN_MS)) handler.current(code);
            if (code) Object.assign(last, { code, at: now });
          }
          frame = setTimeout(look, FRAME_GAP_MS);
        };
        void look();
      } catch {
        if (!stopped) setProblem("The camera is not available here. Type the ticket's code below instead.");
        setOn(false);
      }
    })();

    return () => {
      stopped = true;
      clearTimeout(frame);
      stream?.getTracks().forEach((track) => track.stop());
    };
  }, [on]);

  return (
    <div className="flex flex-col gap-2">
      {on && (
        <video
          ref={video}
          muted
          playsInline
          aria-label="Camera view: hold the ticket's QR code in front of it"
          className="aspect-[4/3] w-full rounded-xl bg-black object-cover"
        />
      )}
      <button
        type="button"
        onClick={() => {
          setProblem(null);
          setOn((value) => !value);
        }}
        className="rounded-xl border border-slate-300 bg-white px-4 py-3 font-semibold text-slate-900 hover:bg-slate-50"
      >
        {on ? "Stop camera" : "Scan with camera"}
      </button>
      {problem && (
        <p role="alert" className="text-sm text-red-800">
          {problem}
        </p>
      )}
    </div>
  );
}
