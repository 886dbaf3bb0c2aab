-- The fixed-window counters give way to sliding-window logs. They only ever held the last minute of
-- attempts, so nothing worth keeping is dropped.

-- DropTable
DROP TABLE "rate_limit_buckets";

-- CreateTable
CREATE TABLE "rate_limit_windows" (
    "key" TEXT NOT NULL,
    "hits" BIGINT[],
    "allowed" BOOLEAN NOT NULL,
    "expiresAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "rate_limit_windows_pkey" PRIMARY KEY ("key")
);

-- CreateIndex
CREATE INDEX "rate_limit_windows_expiresAt_idx" ON "rate_limit_windows"("expiresAt");
