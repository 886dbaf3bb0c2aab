-- CreateEnum
CREATE TYPE "seat_accessibility" AS ENUM ('WHEELCHAIR', 'COMPANION');

-- AlterTable
ALTER TABLE "api_tokens" ADD COLUMN     "organizationId" TEXT;

-- AlterTable
ALTER TABLE "events" ADD COLUMN     "imagePath" TEXT,
ADD COLUMN     "layoutId" TEXT;

-- AlterTable
ALTER TABLE "ticket_types" ADD COLUMN     "hidden" BOOLEAN NOT NULL DEFAULT false,
ADD COLUMN     "maxPerOrder" INTEGER,
ADD COLUMN     "minPerOrder" INTEGER NOT NULL DEFAULT 1,
ADD COLUMN     "salesEndAt" TIMESTAMP(3),
ADD COLUMN     "salesStartAt" TIMESTAMP(3),
ADD COLUMN     "zone" TEXT;

-- AlterTable
ALTER TABLE "seats" ADD COLUMN     "accessibility" "seat_accessibility";

-- CreateTable
CREATE TABLE "venue_layouts" (
    "id" TEXT NOT NULL,
    "venueId" TEXT NOT NULL,
    "version" INTEGER NOT NULL,
    "name" TEXT NOT NULL,
    "document" JSONB NOT NULL,
    "seatCount" INTEGER NOT NULL,
    "standingCapacity" INTEGER NOT NULL DEFAULT 0,
    "createdById" TEXT,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "venue_layouts_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE UNIQUE INDEX "venue_layouts_venueId_version_key" ON "venue_layouts"("venueId", "version");

-- AddForeignKey
ALTER TABLE "api_tokens" ADD CONSTRAINT "api_tokens_organizationId_fkey" FOREIGN KEY ("organizationId") REFERENCES "organizations"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "venue_layouts" ADD CONSTRAINT "venue_layouts_venueId_fkey" FOREIGN KEY ("venueId") REFERENCES "venues"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "events" ADD CONSTRAINT "events_layoutId_fkey" FOREIGN KEY ("layoutId") REFERENCES "venue_layouts"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- Guards Prisma cannot express (listed in tests/integration/schema-drift.test.ts).
ALTER TABLE "ticket_types" ADD CONSTRAINT "ticket_types_order_size_check"
  CHECK ("minPerOrder" >= 1 AND ("maxPerOrder" IS NULL OR "maxPerOrder" >= "minPerOrder"));
ALTER TABLE "ticket_types" ADD CONSTRAINT "ticket_types_sales_window_check"
  CHECK ("salesStartAt" IS NULL OR "salesEndAt" IS NULL OR "salesEndAt" > "salesStartAt");
ALTER TABLE "venue_layouts" ADD CONSTRAINT "venue_layouts_counts_check"
  CHECK ("version" >= 1 AND "seatCount" >= 0 AND "standingCapacity" >= 0);
