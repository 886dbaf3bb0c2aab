-- AlterTable
ALTER TABLE "payments" ADD COLUMN     "cardFingerprint" TEXT;

-- AlterTable
ALTER TABLE "simulator_sessions" ADD COLUMN     "cardFingerprint" TEXT;

-- CreateTable
CREATE TABLE "refusal_counts" (
    "id" TEXT NOT NULL,
    "eventId" TEXT NOT NULL,
    "minute" TIMESTAMP(3) NOT NULL,
    "reason" TEXT NOT NULL,
    "userId" TEXT NOT NULL,
    "addressBlock" TEXT NOT NULL,
    "count" INTEGER NOT NULL,
    "lastAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "refusal_counts_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE INDEX "refusal_counts_eventId_lastAt_idx" ON "refusal_counts"("eventId", "lastAt");

-- CreateIndex
CREATE INDEX "refusal_counts_minute_idx" ON "refusal_counts"("minute");

-- CreateIndex
CREATE UNIQUE INDEX "refusal_counts_eventId_minute_reason_userId_addressBlock_key" ON "refusal_counts"("eventId", "minute", "reason", "userId", "addressBlock");

-- CreateIndex
CREATE INDEX "payments_cardFingerprint_idx" ON "payments"("cardFingerprint");

-- AddForeignKey
ALTER TABLE "refusal_counts" ADD CONSTRAINT "refusal_counts_eventId_fkey" FOREIGN KEY ("eventId") REFERENCES "events"("id") ON DELETE CASCADE ON UPDATE CASCADE;
