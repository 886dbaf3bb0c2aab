-- CreateIndex
CREATE INDEX "orders_eventId_createdAt_id_idx" ON "orders"("eventId", "createdAt", "id");

-- CreateIndex
CREATE INDEX "tickets_eventId_createdAt_id_idx" ON "tickets"("eventId", "createdAt", "id");
