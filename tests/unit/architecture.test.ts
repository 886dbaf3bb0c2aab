import path from "node:path";
import { ESLint } from "eslint";
import { describe, expect, it } from "vitest";
import { domainCycles, domainGraph } from "@/scripts/support/domain-graph";

const root = path.resolve(import.meta.dirname, "../..");

describe("the module map", () => {
  it("has no import cycles between lib/ domains", () => {
    const graph = domainGraph(root);
    expect(graph.get("orders")).toContain("payments");
    expect(domainCycles(graph).map((cycle) => cycle.join(" → "))).toEqual([]);
  });

  it("finds a cycle when there is one", () => {
    const graph = new Map([
      ["a", new Set(["b"])],
      ["b", new Set(["c"])],
      ["c", new Set(["a"])],
    ]);
    expect(domainCycles(graph)).toEqual([["a", "b", "c", "a"]]);
  });
});

describe("import boundaries enforced by npm run lint", () => {
  const eslint = new ESLint({ cwd: root });
  const errorsFor = async (filePath: string, code: string) => {
    const [result] = await eslint.lintText(code, { filePath: path.join(root, filePath) });
    return result!.messages.filter((m) => m.ruleId === "no-restricted-imports").map((m) => m.message);
  };

  it.each([
    ["app/(shop)/page.tsx", 'import { db } from "@/lib/db";\nexport const x = db;\n'],
    [
      "components/events/card.tsx",
      'import { Prisma } from "@/lib/generated/prisma/client";\nexport const x = Prisma;\n',
    ],
    ["lib/events/queries.ts", 'import { x } from "@/app/(shop)/page";\nexport const y = x;\n'],
    ["lib/orders/emails.ts", 'import { x } from "@/components/events/event-card";\nexport const y = x;\n'],
    [
      "lib/payments/stripe.ts",
      'import { settlePaidSession } from "@/lib/orders/settle";\nexport const y = settlePaidSession;\n',
    ],
    [
      "lib/payments/stripe.ts",
      'import { settlePaidSession } from "../orders/settle";\nexport const y = settlePaidSession;\n',
    ],
  ])("refuses the import in %s", { timeout: 60_000 }, async (filePath, code) => {
    expect(await errorsFor(filePath, code)).toHaveLength(1);
  });

  it("allows the imports the layering wants", { timeout: 60_000 }, async () => {
    expect(
      await errorsFor(
        "app/(shop)/page.tsx",
        'import { services } from "@/lib/services";\nexport const x = services;\n',
      ),
    ).toEqual([]);
    expect(
      await errorsFor("lib/orders/settle.ts", 'import { x } from "@/lib/payments/records";\nexport const y = x;\n'),
    ).toEqual([]);
  });
});
