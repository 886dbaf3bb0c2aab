import { existsSync, readFileSync } from "node:fs";
import { createRequire } from "node:module";
import path from "node:path";
import { bindMigrationAwareSqlAdapterFactory } from "@prisma/driver-adapter-utils";

// Offline `prisma migrate diff --from-schema … --to-schema … --script` for
// PostgreSQL through Prisma's WASM schema engine: the native engine cannot be
// downloaded on every machine, and schema-to-schema diffs need no database.

const require = createRequire(import.meta.url);

export type DiffSide = { schema: string } | "empty";

type WasmGlue = {
  __wbg_set_wasm(exports: WebAssembly.Exports): void;
  SchemaEngine: {
    new: (
      options: { datamodels: undefined },
      log: () => void,
      adapter: unknown,
    ) => Promise<{ diff(input: unknown): Promise<{ stdout?: string }> }>;
  };
};

async function loadEngine(): Promise<WasmGlue> {
  const gluePath = require.resolve("@prisma/schema-engine-wasm/schema_engine_bg");
  const glue = (await import("@prisma/schema-engine-wasm/schema_engine_bg")) as unknown as WasmGlue;
  // The CLI ships the exact engine build it was released with; prefer it over the package's own.
  const cliWasm = path.join(path.dirname(require.resolve("prisma/package.json")), "build/schema_engine_bg.wasm");
  const wasmPath = existsSync(cliWasm) ? cliWasm : gluePath.replace(/\.js$/, ".wasm");
  const registry = globalThis as { PRISMA_WASM_PANIC_REGISTRY?: unknown };
  registry.PRISMA_WASM_PANIC_REGISTRY ??= { set_message: (m: string) => console.error("schema engine panic:", m) };
  const instance = new WebAssembly.Instance(new WebAssembly.Module(readFileSync(wasmPath)), {
    "./schema_engine_bg.js": glue as unknown as WebAssembly.ModuleImports,
  });
  glue.__wbg_set_wasm(instance.exports);
  (instance.exports.__wbindgen_start as () => void)();
  return glue;
}

// The engine insists on a connection and asks one start-up question (does the
// schema exist, which server version). Answer that and refuse everything
// else, which proves the diff never touches a database.
const offlineConnection = {
  provider: "postgres" as const,
  adapterName: "@prisma/adapter-pg",
  async queryRaw({ sql }: { sql: string }) {
    if (sql.includes("FROM pg_namespace WHERE nspname")) {
      return {
        columnNames: ["exists", "version", "numeric_version"],
        columnTypes: [5, 7, 0],
        rows: [[true, "PostgreSQL 18.0", 180000]],
      };
    }
    throw new Error(`offline diff: unexpected query: ${sql}`);
  },
  async executeRaw({ sql }: { sql: string }): Promise<number> {
    throw new Error(`offline diff: unexpected statement: ${sql}`);
  },
  async executeScript(sql: string): Promise<void> {
    throw new Error(`offline diff: unexpected script: ${sql}`);
  },
  async startTransaction(): Promise<never> {
    throw new Error("offline diff: no transactions");
  },
  async dispose() {},
};

/** The SQL that turns the database described by `from` into the one described by `to`. */
export async function diffSchemas(from: DiffSide, to: DiffSide): Promise<string> {
  const glue = await loadEngine();
  const adapter = bindMigrationAwareSqlAdapterFactory({
    provider: "postgres",
    adapterName: "@prisma/adapter-pg",
    connect: async () => offlineConnection,
    connectToShadowDb: async () => offlineConnection,
  } as unknown as Parameters<typeof bindMigrationAwareSqlAdapterFactory>[0]);
  const side = (s: DiffSide) =>
    s === "empty"
      ? { tag: "empty" }
      : { tag: "schemaDatamodel", files: [{ path: "schema.prisma", content: s.schema }] };
  const engine = await glue.SchemaEngine.new({ datamodels: undefined }, () => {}, adapter);
  const { stdout } = await engine.diff({
    from: side(from),
    to: side(to),
    script: true,
    exitCode: null,
    filters: { externalTables: [], externalEnums: [] },
  });
  return (stdout ?? "").replace(/^-- CreateSchema\nCREATE SCHEMA IF NOT EXISTS "public";\n\n/, "");
}
