import type { Metadata, Viewport } from "next";
import { DemoBanner } from "@/components/layout/demo-banner";
import "./globals.css";

export const metadata: Metadata = {
  title: { default: "Marquee — tickets for live events", template: "%s · Marquee" },
  description: "Find concerts, sports, theatre, comedy and family events, pick your seats and pay the price you see.",
};

export const viewport: Viewport = { width: "device-width", initialScale: 1, themeColor: "#3730a3" };

export default function RootLayout({ children }: { children: React.ReactNode }) {
  return (
    <html lang="en">
      <body className="flex min-h-screen flex-col">
        <DemoBanner />
        {children}
      </body>
    </html>
  );
}
