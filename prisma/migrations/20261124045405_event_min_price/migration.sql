-- AlterTable
ALTER TABLE "events" ADD COLUMN     "minPriceMinor" INTEGER;

-- Keeps events."minPriceMinor" equal to the lowest all-in price of its ticket types.
CREATE OR REPLACE FUNCTION marquee_event_min_price() RETURNS trigger LANGUAGE plpgsql AS $$
DECLARE
  affected text[];
BEGIN
  affected := CASE TG_OP
    WHEN 'INSERT' THEN ARRAY[NEW."eventId"]
    WHEN 'DELETE' THEN ARRAY[OLD."eventId"]
    ELSE ARRAY[OLD."eventId", NEW."eventId"] END;
  UPDATE events e SET "minPriceMinor" = (
    SELECT MIN(tt."priceMinor" + tt."feeMinor") FROM ticket_types tt WHERE tt."eventId" = e.id
  ) WHERE e.id = ANY(affected);
  RETURN NULL;
END $$;

CREATE TRIGGER "ticket_types_event_min_price" AFTER INSERT OR DELETE OR UPDATE OF "priceMinor", "feeMinor", "eventId"
  ON "ticket_types" FOR EACH ROW EXECUTE FUNCTION marquee_event_min_price();

UPDATE events e SET "minPriceMinor" = (
  SELECT MIN(tt."priceMinor" + tt."feeMinor") FROM ticket_types tt WHERE tt."eventId" = e.id
);
