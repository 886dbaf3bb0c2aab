// What the door hears and feels: a short tone per answer (Web Audio, no files) and a buzz where phones can.

import type { ScanResult } from "@/lib/check-in/schemas";

export type Tone = ScanResult | "QUEUED" | "ERROR";

// [frequency Hz, duration ms] notes: one bright beep for yes, two for "already", a low buzz for no.
const TONES: Record<Tone, [number, number][]> = {
  VALID: [[1320, 140]],
  ALREADY_CHECKED_IN: [
    [660, 120],
    [660, 120],
  ],
  VOID: [[196, 450]],
  WRONG_EVENT: [[196, 450]],
  NOT_FOUND: [[196, 450]],
  QUEUED: [[880, 80]],
  ERROR: [[196, 450]],
};

let audio: AudioContext | null = null;

/** Browsers let audio start only from a user's gesture: call this from the first tap. */
export function unlockSound(): void {
  if (typeof AudioContext === "undefined") return;
  audio ??= new AudioContext();
  if (audio.state === "suspended") void audio.resume();
}

export function signal(tone: Tone): void {
  navigator.vibrate?.(tone === "VALID" ? 80 : tone === "QUEUED" ? 40 : [120, 60, 120]);
  if (!audio) return;
  let at = audio.currentTime;
  for (const [frequency, ms] of TONES[tone]) {
    const oscillator = audio.createOscillator();
    const gain = audio.createGain();
    oscillator.type = tone === "VALID" || tone === "QUEUED" ? "sine" : "square";
    oscillator.frequency.value = frequency;
    gain.gain.setValueAtTime(0.0001, at);
    gain.gain.exponentialRampToValueAtTime(0.25, at + 0.01);
    gain.gain.exponentialRampToValueAtTime(0.0001, at + ms / 1000);
    oscillator.connect(gain).connect(audio.destination);
    oscillator.start(at);
    oscillator.stop(at + ms / 1000);
    at += ms / 1000 + 0.06;
  }
}
