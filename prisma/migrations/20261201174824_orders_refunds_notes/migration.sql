-- AlterTable
ALTER TABLE "orders" ADD COLUMN     "number" SERIAL NOT NULL,
ADD COLUMN     "organizationId" TEXT;

-- AlterTable
ALTER TABLE "refunds" ADD COLUMN     "external" BOOLEAN NOT NULL DEFAULT false,
ADD COLUMN     "idempotencyKey" TEXT,
ADD COLUMN     "requestHash" TEXT,
ADD COLUMN     "ticketIds" TEXT[] DEFAULT ARRAY[]::TEXT[];

-- CreateTable
CREATE TABLE "order_notes" (
    "id" TEXT NOT NULL,
    "orderId" TEXT NOT NULL,
    "authorId" TEXT,
    "body" TEXT NOT NULL,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "order_notes_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE INDEX "order_notes_orderId_createdAt_idx" ON "order_notes"("orderId", "createdAt");

-- CreateIndex
CREATE UNIQUE INDEX "orders_number_key" ON "orders"("number");

-- CreateIndex
-- "orders_eventId_createdAt_id_idx" (eventId, createdAt, id) already exists: 20261201174746_report_export_keysets made it.

-- CreateIndex
CREATE INDEX "orders_eventId_totalMinor_id_idx" ON "orders"("eventId", "totalMinor", "id");

-- CreateIndex
CREATE INDEX "orders_organizationId_createdAt_id_idx" ON "orders"("organizationId", "createdAt", "id");

-- CreateIndex
CREATE INDEX "orders_organizationId_totalMinor_id_idx" ON "orders"("organizationId", "totalMinor", "id");

-- CreateIndex
CREATE UNIQUE INDEX "refunds_orderId_idempotencyKey_key" ON "refunds"("orderId", "idempotencyKey");

-- AddForeignKey
ALTER TABLE "order_notes" ADD CONSTRAINT "order_notes_orderId_fkey" FOREIGN KEY ("orderId") REFERENCES "orders"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "order_notes" ADD CONSTRAINT "order_notes_authorId_fkey" FOREIGN KEY ("authorId") REFERENCES "users"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- By hand: an organizer's refund carries its key and request hash together, never one without the other.
ALTER TABLE "refunds" ADD CONSTRAINT "refunds_idempotency_check"
  CHECK (("idempotencyKey" IS NULL) = ("requestHash" IS NULL) AND ("idempotencyKey" IS NULL OR length("idempotencyKey") BETWEEN 1 AND 255));

-- By hand: notes are short text.
ALTER TABLE "order_notes" ADD CONSTRAINT "order_notes_body_check" CHECK (length("body") BETWEEN 1 AND 2000);

-- By hand: "find the order of someone@…" searches part of an e-mail (ILIKE '%…%') through trigrams.
CREATE INDEX "orders_email_trgm_idx" ON "orders" USING gin ("email" gin_trgm_ops);

-- By hand: every order carries its event's organization, filled here so no writer can forget it
-- (an event never moves to another organization), and existing orders are filled once.
UPDATE "orders" o SET "organizationId" = e."organizationId" FROM "events" e WHERE e.id = o."eventId";

CREATE FUNCTION marquee_order_organization() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  SELECT "organizationId" INTO NEW."organizationId" FROM "events" WHERE id = NEW."eventId";
  RETURN NEW;
END $$;

CREATE TRIGGER orders_organization BEFORE INSERT OR UPDATE OF "eventId" ON "orders"
  FOR EACH ROW EXECUTE FUNCTION marquee_order_organization();
