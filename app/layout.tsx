import type { Metadata, Viewport } from "next";
import { connection } from "next/server";
import { DemoBanner } from "@/components/layout/demo-banner";
import "./globals.css";

export const metadata: Metadata = {
  title: { default: "Marquee — tickets for live events", template: "%s · Marquee" },
  description: "Find concerts, sports, theatre, comedy and family events, pick your seats and pay the price you see.",
};

export const viewport: Viewport = { width: "device-width", initialScale: 1, themeColor: "#3730a3" };

export default async function RootLayout({ children }: { children: React.ReactNode }) {
  // Every page is rendered per request: its scripts must carry that response's CSP nonce (proxy.ts),
  // which a page prerendered at build time could not know.
  await connection();
  return (
    <html lang="en">
      <body className="flex min-h-screen flex-col">
        <DemoBanner />
        {children}
      </body>
    </html>
  );
}
