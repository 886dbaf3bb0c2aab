-- CreateTable
CREATE TABLE "queue_entries" (
    "id" TEXT NOT NULL,
    "eventId" TEXT NOT NULL,
    "userId" TEXT NOT NULL,
    "rank" DOUBLE PRECISION NOT NULL,
    "lobby" BOOLEAN NOT NULL,
    "joinedAt" TIMESTAMP(3) NOT NULL,
    "admittedAt" TIMESTAMP(3),
    "expiresAt" TIMESTAMP(3),
    "admissionId" TEXT,
    "usedAt" TIMESTAMP(3),

    CONSTRAINT "queue_entries_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "queue_controls" (
    "eventId" TEXT NOT NULL,
    "soldOut" BOOLEAN NOT NULL DEFAULT false,
    "paused" BOOLEAN NOT NULL DEFAULT false,
    "ratePerMinute" INTEGER,
    "admittedPerMinute" DOUBLE PRECISION NOT NULL DEFAULT 0,
    "updatedAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "queue_controls_pkey" PRIMARY KEY ("eventId")
);

-- CreateIndex
CREATE INDEX "queue_entries_eventId_admittedAt_rank_idx" ON "queue_entries"("eventId", "admittedAt", "rank");

-- CreateIndex
CREATE UNIQUE INDEX "queue_entries_eventId_userId_key" ON "queue_entries"("eventId", "userId");

-- AddForeignKey
ALTER TABLE "queue_entries" ADD CONSTRAINT "queue_entries_eventId_fkey" FOREIGN KEY ("eventId") REFERENCES "events"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "queue_entries" ADD CONSTRAINT "queue_entries_userId_fkey" FOREIGN KEY ("userId") REFERENCES "users"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "queue_controls" ADD CONSTRAINT "queue_controls_eventId_fkey" FOREIGN KEY ("eventId") REFERENCES "events"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- Later arrivals' ranks: one sequence for every event (only the order within an event matters), so two
-- fans joining at once never share a rank and nobody needs a lock to take one.
CREATE SEQUENCE "queue_arrival_seq" START 1;

-- The line itself: waiting fans of an event in rank order (positions are counted along it).
CREATE INDEX "queue_entries_waiting_idx" ON "queue_entries"("eventId", "rank") WHERE "admittedAt" IS NULL;
