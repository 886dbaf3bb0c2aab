import { createServer, type IncomingMessage, type ServerResponse } from "node:http";
import type { AddressInfo } from "node:net";
import { createClient, MultiErrorReply } from "redis";

type Reply = { result: unknown } | { error: string };

/**
 * Serves Upstash's Redis REST protocol on loopback in front of a real
 * redis-server, so @upstash/redis can be tested without Upstash: POST `/` with
 * one command as a JSON array, `/pipeline` and `/multi-exec` with an array of
 * them; replies are `{ result }` or `{ error }`, with strings base64-encoded
 * when the client asks for it (`Upstash-Encoding: base64`, its default).
 */
export async function startUpstashBridge(
  redisUrl: string,
  token: string,
): Promise<{ url: string; close(): Promise<void> }> {
  const redis = createClient({ url: redisUrl });
  redis.on("error", () => undefined); // reconnects on its own; requests see failed commands
  await redis.connect();

  const run = async (command: string[]): Promise<Reply> => {
    try {
      return { result: await redis.sendCommand(command) };
    } catch (error) {
      return { error: errorMessage(error) };
    }
  };

  const transaction = async (commands: string[][]): Promise<Reply[]> => {
    const multi = redis.multi();
    for (const command of commands) multi.addCommand(command);
    let replies: unknown[];
    try {
      replies = await multi.exec();
    } catch (error) {
      // node-redis rejects the whole EXEC when any command in it failed; Upstash reports each one.
      if (!(error instanceof MultiErrorReply)) throw error;
      replies = error.replies;
    }
    return replies.map((reply) => (reply instanceof Error ? { error: reply.message } : { result: reply }));
  };

  const handle = async (request: IncomingMessage, response: ServerResponse) => {
    if (request.headers.authorization !== `Bearer ${token}`) return send(response, 401, { error: "Unauthorized" });
    if (request.method !== "POST") return send(response, 405, { error: "Only POST is served" });
    const base64 = String(request.headers["upstash-encoding"]).toLowerCase() === "base64";
    const body: unknown = JSON.parse(await readBody(request));
    const encode = (reply: Reply): Reply => ("error" in reply ? reply : { result: toJson(reply.result, base64) });

    switch (new URL(request.url ?? "/", "http://bridge").pathname) {
      case "/": {
        const reply = await run(command(body));
        return send(response, "error" in reply ? 400 : 200, encode(reply));
      }
      case "/pipeline":
        return send(response, 200, (await Promise.all(commands(body).map(run))).map(encode));
      case "/multi-exec":
        return send(response, 200, (await transaction(commands(body))).map(encode));
      default:
        return send(response, 404, { error: `Not served by this bridge: ${request.url}` });
    }
  };

  const server = createServer((request, response) => {
    handle(request, response).catch((error: unknown) => send(response, 400, { error: errorMessage(error) }));
  });
  await new Promise<void>((resolve, reject) => {
    server.once("error", reject);
    server.listen(0, "127.0.0.1", resolve);
  });
  const { port } = server.address() as AddressInfo;

  return {
    url: `http://127.0.0.1:${port}`,
    async close() {
      // The client keeps connections alive; close them too, or close() waits for their timeout.
      server.closeAllConnections();
      await new Promise<void>((resolve) => server.close(() => resolve()));
      redis.destroy();
    },
  };
}

function readBody(request: IncomingMessage): Promise<string> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    request.on("data", (chunk: Buffer) => chunks.push(chunk));
    request.on("end", () => resolve(Buffer.concat(chunks).toString("utf8")));
    request.on("error", reject);
  });
}

function command(body: unknown): string[] {
  if (!Array.isArray(body) || body.length === 0) throw new Error("ERR a command is a non-empty JSON array");
  return body.map((arg) => (typeof arg === "string" ? arg : JSON.stringify(arg)));
}

function commands(body: unknown): string[][] {
  if (!Array.isArray(body)) throw new Error("ERR a pipeline is a JSON array of commands");
  return body.map(command);
}

/** A node-redis reply as Upstash sends it: RESP2 shapes (maps flattened), strings optionally base64. */
function toJson(reply: unknown, base64: boolean): unknown {
  if (reply === null || reply === undefined) return null;
  if (typeof reply === "string") return base64 ? Buffer.from(reply, "utf8").toString("base64") : reply;
  if (Buffer.isBuffer(reply)) return base64 ? reply.toString("base64") : reply.toString("utf8");
  if (typeof reply === "number") return reply;
  if (typeof reply === "bigint") return Number(reply);
  if (typeof reply === "boolean") return reply ? 1 : 0;
  if (Array.isArray(reply)) return reply.map((item) => toJson(item, base64));
  if (reply instanceof Map) return [...reply].flat().map((item) => toJson(item, base64));
  if (typeof reply === "object")
    return Object.entries(reply)
      .flat()
      .map((item) => toJson(item, base64));
  return String(reply);
}

function errorMessage(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}

function send(response: ServerResponse, status: number, body: unknown) {
  response.writeHead(status, { "content-type": "application/json" });
  response.end(JSON.stringify(body));
}
