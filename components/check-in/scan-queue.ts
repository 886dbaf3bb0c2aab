// Scans made while offline (or whose request failed), kept in localStorage so a reload or a dead battery
// does not lose them, per event. Each keeps its scanId, so sending one twice is harmless: the server
// answers a retried scan as it answered it the first time.

import type { Scan } from "./types";

const keyOf = (eventId: string) => `marquee:check-in-queue:${eventId}`;

function isScan(value: unknown): value is Scan {
  const v = value as Partial<Scan> | null;
  return typeof v?.scanId === "string" && typeof v.code === "string" && typeof v.scannedAt === "string";
}

export function loadQueue(eventId: string): Scan[] {
  try {
    const parsed: unknown = JSON.parse(localStorage.getItem(keyOf(eventId)) ?? "[]");
    return Array.isArray(parsed) ? parsed.filter(isScan) : [];
  } catch {
    return [];
  }
}

export function saveQueue(eventId: string, queue: Scan[]): void {
  if (queue.length) localStorage.setItem(keyOf(eventId), JSON.stringify(queue));
  else localStorage.removeItem(keyOf(eventId));
}

/** A random id (crypto.randomUUID needs a secure context; a phone on the venue's LAN may not have one). */
export function randomId(length = 20): string {
  const alphabet = "0123456789ABCDEFGHJKMNPQRSTVWXYZ";
  return Array.from(crypto.getRandomValues(new Uint8Array(length)), (b) => alphabet[b % 32]).join("");
}

/** This device's name at the door, made once and kept: what "checked in at which device" shows. */
export function deviceName(): string {
  const key = "marquee:check-in-device";
  const existing = localStorage.getItem(key);
  if (existing) return existing;
  const made = `Door ${randomId(4)}`;
  localStorage.setItem(key, made);
  return made;
}
