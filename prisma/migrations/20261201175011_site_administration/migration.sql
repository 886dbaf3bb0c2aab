-- CreateEnum
CREATE TYPE "organizer_application_status" AS ENUM ('PENDING', 'APPROVED', 'REJECTED');

-- AlterTable
ALTER TABLE "users" ADD COLUMN     "disabledAt" TIMESTAMP(3);

-- CreateTable
CREATE TABLE "organizer_applications" (
    "id" TEXT NOT NULL,
    "userId" TEXT NOT NULL,
    "organizationName" TEXT NOT NULL,
    "website" TEXT,
    "about" TEXT NOT NULL,
    "status" "organizer_application_status" NOT NULL DEFAULT 'PENDING',
    "rejectionReason" TEXT,
    "organizationId" TEXT,
    "decidedById" TEXT,
    "decidedAt" TIMESTAMP(3),
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "organizer_applications_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE INDEX "organizer_applications_userId_createdAt_idx" ON "organizer_applications"("userId", "createdAt");

-- CreateIndex
CREATE INDEX "organizer_applications_status_createdAt_id_idx" ON "organizer_applications"("status", "createdAt", "id");

-- CreateIndex
CREATE INDEX "users_createdAt_id_idx" ON "users"("createdAt", "id");

-- CreateIndex
CREATE INDEX "organizations_createdAt_id_idx" ON "organizations"("createdAt", "id");

-- AddForeignKey
ALTER TABLE "organizer_applications" ADD CONSTRAINT "organizer_applications_userId_fkey" FOREIGN KEY ("userId") REFERENCES "users"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "organizer_applications" ADD CONSTRAINT "organizer_applications_decidedById_fkey" FOREIGN KEY ("decidedById") REFERENCES "users"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "organizer_applications" ADD CONSTRAINT "organizer_applications_organizationId_fkey" FOREIGN KEY ("organizationId") REFERENCES "organizations"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- One open application per user: a second one waits until the first is decided.
CREATE UNIQUE INDEX "organizer_applications_pending_user_key" ON "organizer_applications"("userId") WHERE status = 'PENDING';

-- A decided application says who decided and when; a rejection says why.
ALTER TABLE "organizer_applications" ADD CONSTRAINT "organizer_applications_decision_check"
  CHECK ((status = 'PENDING') = ("decidedAt" IS NULL) AND (status <> 'REJECTED' OR "rejectionReason" IS NOT NULL));
