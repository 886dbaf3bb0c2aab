/** What a server value looks like to a client after JSON.stringify and JSON.parse: dates become strings. */
export type AsJson<T> = T extends Date
  ? string
  : T extends (infer U)[]
    ? AsJson<U>[]
    : T extends object
      ? { [K in keyof T]: AsJson<T[K]> }
      : T;
