import { execFileSync } from "node:child_process";
import { mkdirSync, readFileSync, writeFileSync } from "node:fs";
import path from "node:path";
import { diffSchemas } from "./support/schema-diff";

// `npm run db:migration -- <name> [--from <git-rev>]`: writes the SQL that takes
// the schema as committed at <git-rev> (default HEAD) to the working-tree
// schema.prisma, as a new Prisma migration folder. Offline, no database needed.
const [name, flag, rev = "HEAD"] = process.argv.slice(2);
if (!name || !/^[a-z0-9_]+$/.test(name) || (flag !== undefined && flag !== "--from")) {
  console.error("usage: npm run db:migration -- <snake_case_name> [--from <git-rev>]");
  process.exit(1);
}
const root = path.resolve(import.meta.dirname, "..");
const current = readFileSync(path.join(root, "prisma/schema.prisma"), "utf8");
const previous = execFileSync("git", ["show", `${rev}:prisma/schema.prisma`], { cwd: root, encoding: "utf8" });
const sql = await diffSchemas({ schema: previous }, { schema: current });
if (sql.includes("This is an empty migration")) {
  console.log(`schema.prisma has not changed since ${rev}; no migration written.`);
  process.exit(0);
}
const stamp = new Date().toISOString().replace(/\D/g, "").slice(0, 14);
const folder = path.join(root, "prisma/migrations", `${stamp}_${name}`);
mkdirSync(folder, { recursive: true });
writeFileSync(path.join(folder, "migration.sql"), sql);
console.log(
  `Wrote ${path.relative(root, folder)}/migration.sql — add any CHECKs or partial indexes by hand, then npm run db:migrate.`,
);
