-- AlterTable
ALTER TABLE "payments" ADD COLUMN     "checkoutUrl" TEXT NOT NULL,
ADD COLUMN     "expiresAt" TIMESTAMP(3) NOT NULL,
ADD COLUMN     "failureMessage" TEXT;

-- CreateTable
CREATE TABLE "simulator_sessions" (
    "id" TEXT NOT NULL,
    "orderId" TEXT NOT NULL,
    "clientReferenceId" TEXT NOT NULL,
    "status" TEXT NOT NULL,
    "paymentStatus" TEXT NOT NULL,
    "amountTotal" INTEGER NOT NULL,
    "currency" CHAR(3) NOT NULL,
    "customerEmail" TEXT NOT NULL,
    "lineItems" JSONB NOT NULL,
    "metadata" JSONB NOT NULL,
    "successUrl" TEXT NOT NULL,
    "cancelUrl" TEXT NOT NULL,
    "paymentIntentId" TEXT,
    "expiresAt" TIMESTAMP(3) NOT NULL,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "simulator_sessions_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE INDEX "simulator_sessions_orderId_idx" ON "simulator_sessions"("orderId");

-- CreateIndex
CREATE INDEX "payments_status_expiresAt_idx" ON "payments"("status", "expiresAt");

-- One open order per hold: a second checkout of the same hold finds the first.
CREATE UNIQUE INDEX "orders_pending_hold_key" ON "orders"("holdId") WHERE "status" = 'PENDING';
