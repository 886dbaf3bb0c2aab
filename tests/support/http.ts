type Handler = (request: Request, args?: { params: Promise<Record<string, string | string[]>> }) => Promise<Response>;

export type CallOptions = {
  method?: string;
  path?: string;
  /** Sent as JSON unless it is a string, which is sent as is. */
  body?: unknown;
  headers?: Record<string, string>;
  params?: Record<string, string>;
};

/** Calls a route handler the way Next.js does, and reads its JSON answer. */
export async function call(handler: Handler, options: CallOptions = {}) {
  const headers: Record<string, string> = { ...options.headers };
  let body: string | undefined;
  if (options.body !== undefined) {
    body = typeof options.body === "string" ? options.body : JSON.stringify(options.body);
    headers["content-type"] ??= "application/json";
  }
  const response = await handler(
    new Request(`http://localhost:3000${options.path ?? "/"}`, { method: options.method ?? "GET", headers, body }),
    { params: Promise.resolve(options.params ?? {}) },
  );
  const text = await response.text();
  // A CSV or calendar file is read as text; everything else the API answers is JSON.
  const isJson = !/^text\//.test(response.headers.get("content-type") ?? "");
  return { status: response.status, headers: response.headers, text, json: text && isJson ? JSON.parse(text) : null };
}

export const bearer = (token: string) => ({ authorization: `Bearer ${token}` });
