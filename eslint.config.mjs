import nextVitals from "eslint-config-next/core-web-vitals";
import nextTs from "eslint-config-next/typescript";

const libImportsUi = {
  group: ["@/app/**", "@/components/**"],
  message: "lib/ is below the UI: move the shared piece into lib/ instead.",
};

const config = [
  ...nextVitals,
  ...nextTs,
  {
    ignores: [
      ".next/**",
      ".data/**",
      "node_modules/**",
      "lib/generated/**",
      "test-results/**",
      "playwright-report/**",
      "next-env.d.ts",
    ],
  },
  {
    rules: {
      "@typescript-eslint/no-unused-vars": [
        "error",
        { argsIgnorePattern: "^_", varsIgnorePattern: "^_", destructuredArrayIgnorePattern: "^_" },
      ],
      "@typescript-eslint/no-explicit-any": "error",
      "@typescript-eslint/ban-ts-comment": "error",
    },
  },
  // The layering, checked (tests/unit/architecture.test.ts proves each rule bites):
  // app and components reach the database only through lib/<domain> functions;
  // nothing in lib depends on the UI; payment adapters know nothing of orders.
  {
    files: ["app/**/*.{ts,tsx}", "components/**/*.{ts,tsx}"],
    rules: {
      "no-restricted-imports": [
        "error",
        {
          patterns: [
            {
              group: ["@/lib/db", "@/lib/db-client", "@/lib/generated/**"],
              allowTypeImports: true,
              message: "Read and write through a domain function in lib/<domain>, not the database client.",
            },
          ],
        },
      ],
    },
  },
  {
    files: ["lib/**/*.{ts,tsx}"],
    rules: { "no-restricted-imports": ["error", { patterns: [libImportsUi] }] },
  },
  {
    files: ["lib/payments/**/*.{ts,tsx}"],
    rules: {
      "no-restricted-imports": [
        "error",
        {
          patterns: [
            libImportsUi,
            {
              group: ["@/lib/orders", "@/lib/orders/**", "../orders", "../orders/**", "../../orders/**"],
              message: "Payment adapters know nothing of orders; what a payment does to an order lives in lib/orders.",
            },
          ],
        },
      ],
    },
  },
];

export default config;
