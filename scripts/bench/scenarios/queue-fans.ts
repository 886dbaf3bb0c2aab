// How the waiting-room scenario's fans behave, copied from the queue page (components/queue/use-queue-status.ts):
// join, follow the place on the Server-Sent Events stream (reconnecting as EventSource does), and on a final status
// read GET …/queue for the token; an admitted fan then holds with X-Admission-Token, replays the spent token once
// (it must be refused) and releases the hold. Fans without an admission try to hold throughout.
import http from "node:http";
import { randomBytes } from "node:crypto";
import type { Fan } from "../harness/fans";
import { bearer, errorCode, HttpClient, jsonOf, type HttpResult } from "../harness/http";
import { timed, type Classify } from "../harness/load";
import { openEventStream, type SseEvent, type StreamHandle } from "../harness/sse";
import type { Recorder } from "../harness/stats";
import type { QueuedEvent } from "./queue-event";

export const TICKETS_PER_HOLD = 2;

/** A distinct client address per fan: the server also limits holds per address (300 a minute), as fans of one NAT. */
export const addressOf = (n: number) => `10.${(n >> 16) & 255}.${(n >> 8) & 255}.${n & 255}`;

export type Follower = {
  fan: Fan;
  headers: Record<string, string>;
  /** Date.now() when the join was answered; null until then (or when it failed). */
  joinedAt: number | null;
  /** Date.now() when GET …/queue answered after the stream's final status. */
  toldAt: number | null;
  final: string | null;
  stream: StreamHandle | null;
  connections: number;
};

export const follower = (fan: Fan, n: number): Follower => ({
  fan,
  headers: { ...bearer(fan.token), "x-forwarded-for": addressOf(n) },
  joinedAt: null,
  toldAt: null,
  final: null,
  stream: null,
  connections: 0,
});

const queueRefusal: Classify = (r) =>
  r.status === 403 && errorCode(r) === "QUEUE_REQUIRED" ? "expected" : "unexpected";

/** The state of one store's run, shared by every fan. */
export class QueueRun {
  /** Queue requests of every kind (joins, status reads, stream connections) sent by fans. */
  requests = 0;
  /** `status` events received on the streams. */
  statusEvents = 0;
  streamReconnects = 0;
  /** Streams refused (EventSource gives up on anything but 200). */
  streamRefusals = 0;
  /** Holds answered 201 without a live admission of the fan's own (attackers, replays). */
  holdsGrantedWithoutAdmission = 0;
  /** Admitted fans whose hold found no tickets left. */
  admittedWithoutTickets = 0;
  admittedSeen = 0;
  /** Real tokens of admitted fans, for attackers to steal. */
  readonly stolen: string[] = [];
  readonly pending = new Set<Promise<void>>();
  stopped = false;
  recorder: Recorder;
  private readonly streamAgent = new http.Agent({ keepAlive: false, maxSockets: Number.POSITIVE_INFINITY });

  constructor(
    readonly client: HttpClient,
    readonly baseUrl: string,
    readonly event: QueuedEvent,
    /** The followers' requests (the scenario swaps it when the sale opens). */
    recorder: Recorder,
    readonly attackRecorder: Recorder,
  ) {
    this.recorder = recorder;
  }

  get queuePath() {
    return `/api/v1/events/${this.event.id}/queue`;
  }

  private track(work: Promise<void>) {
    this.pending.add(work);
    void work.finally(() => this.pending.delete(work));
  }

  async join(f: Follower): Promise<boolean> {
    this.requests++;
    const result = await timed(this.client, this.recorder, "POST queue (join)", "POST", this.queuePath, {
      headers: f.headers,
    });
    if (result.status !== 200) return false;
    f.joinedAt = Date.now();
    this.track(this.follow(f));
    return true;
  }

  /** One EventSource: dials again after `retry` when the server closes a stream that is not over. */
  private async follow(f: Follower) {
    while (!this.stopped && f.final === null) {
      this.requests++;
      const stream = openEventStream(this.baseUrl, `${this.queuePath}/stream`, f.headers, this.streamAgent, (e) =>
        this.onEvent(f, e),
      );
      f.stream = stream;
      const answer = await stream.connected;
      this.recorder.record(f.connections++ === 0 ? "GET queue/stream (connect)" : "GET queue/stream (reconnect)", {
        ms: answer.ms,
        outcome: answer.status === 200 ? "ok" : "unexpected",
        status: answer.status,
      });
      if (answer.status !== 200) {
        this.streamRefusals++;
        if (this.streamRefusals <= 3)
          console.warn(`\n    stream refused: ${answer.status} ${(answer.body ?? "").slice(0, 200)}`);
        // EventSource dials again after a network error, and gives up on an error status.
        if (answer.status !== 0 || this.stopped) return;
        await new Promise((r) => setTimeout(r, stream.retryMs() ?? 3_000));
        continue;
      }
      await stream.ended;
      if (this.stopped || f.final !== null) return;
      this.streamReconnects++;
      await new Promise((r) => setTimeout(r, stream.retryMs() ?? 3_000));
    }
  }

  private onEvent(f: Follower, event: SseEvent) {
    if (event.event !== "status") return;
    this.statusEvents++;
    const view = JSON.parse(event.data) as { status: string };
    if (view.status === "WAITING" || f.final !== null) return;
    f.final = view.status;
    f.stream?.close();
    if (!this.stopped) this.track(this.finish(f));
  }

  /** As the page does on a final status: GET …/queue (the token comes only with it), then to the tickets. */
  private async finish(f: Follower) {
    this.requests++;
    const status = await timed(this.client, this.recorder, "GET queue (status)", "GET", this.queuePath, {
      headers: f.headers,
    });
    f.toldAt = Date.now();
    const view = jsonOf<{ status: string; admissionToken?: string }>(status);
    // After the window the fan is told but holds no more: the run is summed up.
    if (view?.status !== "ADMITTED" || !view.admissionToken || this.stopped) return;
    this.admittedSeen++;
    this.stolen.push(view.admissionToken);
    const hold = await this.hold("POST hold (admitted, token)", f.headers, view.admissionToken, (r) =>
      r.status === 201 ? "ok" : "unexpected",
    );
    if (hold.status === 409 && errorCode(hold) === "SEAT_UNAVAILABLE") this.admittedWithoutTickets++;
    // A turn is one hold: the same token again must be refused as spent. (A hold that failed gave the turn back, so
    // then the second try is the fan's one hold.)
    const spent = hold.status === 201;
    if (this.stopped) return this.release(f.headers, hold);
    const replay = await this.hold("POST hold (token replayed)", f.headers, view.admissionToken, (r) =>
      spent ? queueRefusal(r) : r.status === 201 ? "ok" : "unexpected",
    );
    for (const granted of [hold, replay]) await this.release(f.headers, granted);
    if (spent && replay.status === 201) this.holdsGrantedWithoutAdmission++;
  }

  private hold(
    op: string,
    headers: Record<string, string>,
    token: string | null,
    classify: Classify,
    recorder = this.recorder,
  ) {
    return timed(this.client, recorder, op, "POST", `/api/v1/events/${this.event.id}/holds`, {
      headers: token ? { ...headers, "x-admission-token": token } : headers,
      json: { ticketTypeId: this.event.ticketTypeId, quantity: TICKETS_PER_HOLD },
      classify,
    });
  }

  /** Tickets go back at once: the room's rate, not the inventory, is what the run measures. */
  private async release(headers: Record<string, string>, granted: HttpResult, recorder = this.recorder) {
    const holdId = granted.status === 201 ? jsonOf<{ holdId?: string }>(granted)?.holdId : undefined;
    if (holdId) await timed(this.client, recorder, "DELETE hold", "DELETE", `/api/v1/holds/${holdId}`, { headers });
  }

  /**
   * One hold by a fan who was never admitted, in turn: no token, a forged one (made out to them, signed with a
   * made-up key), another fan's genuine token. Every one must be 403 QUEUE_REQUIRED.
   */
  async attack(f: Follower, attempt: number) {
    const kind = attempt % 3;
    let token: string | null = null;
    if (kind === 2 && this.stolen.length) token = this.stolen[attempt % this.stolen.length]!;
    else if (kind >= 1) {
      const payload = { e: this.event.id, u: f.fan.userId, a: "forged", x: Date.now() + 5 * 60_000 };
      token = `${Buffer.from(JSON.stringify(payload)).toString("base64url")}.${randomBytes(32).toString("base64url")}`;
    }
    const result = await this.hold("POST hold (no admission)", f.headers, token, queueRefusal, this.attackRecorder);
    if (result.status === 201) this.holdsGrantedWithoutAdmission++;
    await this.release(f.headers, result, this.attackRecorder);
  }

  /** Ends every stream and waits for the fans' work in flight (at most `capMs`). */
  async stop(followers: Follower[], capMs: number) {
    this.stopped = true;
    for (const f of followers) f.stream?.close();
    await Promise.race([Promise.all([...this.pending]), new Promise((r) => setTimeout(r, capMs))]);
    this.streamAgent.destroy();
  }
}
