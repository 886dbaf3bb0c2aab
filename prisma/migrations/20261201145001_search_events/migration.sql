-- CreateTable
CREATE TABLE "search_events" (
    "eventId" TEXT NOT NULL,
    "status" "event_status" NOT NULL,
    "startsAt" TIMESTAMP(3) NOT NULL,
    "category" "event_category" NOT NULL,
    "venueId" TEXT NOT NULL,
    "city" TEXT NOT NULL,
    "cityKey" TEXT NOT NULL,
    "fromPriceMinor" INTEGER,
    "searchVector" tsvector,

    CONSTRAINT "search_events_pkey" PRIMARY KEY ("eventId")
);

-- CreateIndex
CREATE INDEX "search_events_searchVector_idx" ON "search_events" USING GIN ("searchVector");

-- AddForeignKey
ALTER TABLE "search_events" ADD CONSTRAINT "search_events_eventId_fkey" FOREIGN KEY ("eventId") REFERENCES "events"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- Written by hand from here on (listed in tests/integration/schema-drift.test.ts).
--
-- search_events is what search filters, counts and ranks instead of events (docs/performance.md,
-- "Where the engine's time goes"): a facet query over "Köln, next 30 days" read 7,000 wide event rows
-- and ran a price subquery over ticket_types for each; now it reads the same rows from a narrow index,
-- index-only. The public partial index covers every column a filter-only facet query needs. A text
-- search matches the copy of the search vector here, so its matches' city, category and price are in the
-- row it already reads (with events, each match cost a second lookup).
CREATE INDEX "search_events_public_idx" ON "search_events" ("startsAt")
  INCLUDE ("category", "cityKey", "city", "fromPriceMinor", "venueId") WHERE "status" = 'PUBLISHED';
-- A city's upcoming events in date order (the page of hits of a city search).
CREATE INDEX "search_events_public_city_idx" ON "search_events" ("cityKey", "startsAt") WHERE "status" = 'PUBLISHED';
-- "near" finds a few venues first, then their events. Not ("venueId", "startsAt"): PostgreSQL 18 skip-scans
-- such an index for a date range alone, and chose that (227 descents) to AND with the text match.
CREATE INDEX "search_events_public_venue_idx" ON "search_events" ("venueId") WHERE "status" = 'PUBLISHED';

-- An event's price for search: its lowest all-in price (lib/money.ts, allInPriceSql, is the same sum).
CREATE OR REPLACE FUNCTION marquee_event_from_price(event_id text) RETURNS integer
  LANGUAGE sql STABLE PARALLEL SAFE
  AS $$ SELECT min(tt."priceMinor" + tt."feeMinor")::integer FROM public.ticket_types tt WHERE tt."eventId" = event_id $$;

-- Recomputes the price of these events. The rows are locked first and the price is read by a later
-- statement (a new snapshot under READ COMMITTED), so two transactions changing one event's ticket types
-- at once end with the price of both: the second waits for the first to commit, then reads both.
CREATE OR REPLACE FUNCTION marquee_search_events_reprice(event_ids text[]) RETURNS void
  LANGUAGE plpgsql AS $$
BEGIN
  PERFORM 1 FROM search_events WHERE "eventId" = ANY (event_ids) ORDER BY "eventId" FOR UPDATE;
  UPDATE search_events f SET "fromPriceMinor" = p.price
  FROM (SELECT id, marquee_event_from_price(id) AS price FROM unnest(event_ids) AS id) AS p
  WHERE f."eventId" = p.id AND f."fromPriceMinor" IS DISTINCT FROM p.price;
END $$;

-- New events: one statement-level insert per INSERT (the benchmark loads 2,000 events a statement).
CREATE OR REPLACE FUNCTION marquee_search_events_added() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  INSERT INTO search_events ("eventId", status, "startsAt", category, "venueId", city, "cityKey", "fromPriceMinor",
    "searchVector")
  SELECT n.id, n.status, n."startsAt", n.category, n."venueId", v.city, marquee_normalize(v.city),
    marquee_event_from_price(n.id), n."searchVector"
  FROM new_events n JOIN venues v ON v.id = n."venueId";
  RETURN NULL;
END $$;

CREATE TRIGGER "events_search_events_added" AFTER INSERT ON "events"
  REFERENCING NEW TABLE AS new_events FOR EACH STATEMENT EXECUTE FUNCTION marquee_search_events_added();

-- Publishing, cancelling, rescheduling, recategorizing, moving or rewording an event (the search vector
-- is set by the BEFORE trigger events_search_vector, also when its venue is renamed).
CREATE OR REPLACE FUNCTION marquee_search_events_changed() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  UPDATE search_events f
  SET status = NEW.status, "startsAt" = NEW."startsAt", category = NEW.category, "venueId" = NEW."venueId",
    city = v.city, "cityKey" = marquee_normalize(v.city), "searchVector" = NEW."searchVector"
  FROM venues v WHERE v.id = NEW."venueId" AND f."eventId" = NEW.id;
  RETURN NULL;
END $$;

CREATE TRIGGER "events_search_events_changed"
  AFTER UPDATE OF status, "startsAt", category, "venueId", title, performers, description, tags, "searchVector"
  ON "events"
  FOR EACH ROW WHEN (OLD.status IS DISTINCT FROM NEW.status OR OLD."startsAt" IS DISTINCT FROM NEW."startsAt"
    OR OLD.category IS DISTINCT FROM NEW.category OR OLD."venueId" IS DISTINCT FROM NEW."venueId"
    OR OLD."searchVector" IS DISTINCT FROM NEW."searchVector")
  EXECUTE FUNCTION marquee_search_events_changed();

-- A venue's city renamed.
CREATE OR REPLACE FUNCTION marquee_search_events_city() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  UPDATE search_events SET city = NEW.city, "cityKey" = marquee_normalize(NEW.city) WHERE "venueId" = NEW.id;
  RETURN NULL;
END $$;

CREATE TRIGGER "venues_search_events_city" AFTER UPDATE OF city ON "venues"
  FOR EACH ROW WHEN (OLD.city IS DISTINCT FROM NEW.city) EXECUTE FUNCTION marquee_search_events_city();

-- Ticket types added, removed, repriced or moved. Sales and holds change only sold and held, which fire
-- nothing here: the purchase path pays nothing for this table.
CREATE OR REPLACE FUNCTION marquee_search_events_ticket_types() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  IF TG_OP = 'INSERT' THEN
    PERFORM marquee_search_events_reprice(ARRAY(SELECT DISTINCT "eventId" FROM new_types));
  ELSIF TG_OP = 'DELETE' THEN
    PERFORM marquee_search_events_reprice(ARRAY(SELECT DISTINCT "eventId" FROM old_types));
  ELSE
    PERFORM marquee_search_events_reprice(ARRAY[OLD."eventId", NEW."eventId"]);
  END IF;
  RETURN NULL;
END $$;

CREATE TRIGGER "ticket_types_search_events_added" AFTER INSERT ON "ticket_types"
  REFERENCING NEW TABLE AS new_types FOR EACH STATEMENT EXECUTE FUNCTION marquee_search_events_ticket_types();
CREATE TRIGGER "ticket_types_search_events_removed" AFTER DELETE ON "ticket_types"
  REFERENCING OLD TABLE AS old_types FOR EACH STATEMENT EXECUTE FUNCTION marquee_search_events_ticket_types();
CREATE TRIGGER "ticket_types_search_events_repriced" AFTER UPDATE OF "priceMinor", "feeMinor", "eventId" ON "ticket_types"
  FOR EACH ROW WHEN (OLD."priceMinor" IS DISTINCT FROM NEW."priceMinor" OR OLD."feeMinor" IS DISTINCT FROM NEW."feeMinor"
    OR OLD."eventId" IS DISTINCT FROM NEW."eventId")
  EXECUTE FUNCTION marquee_search_events_ticket_types();

-- Existing events.
INSERT INTO search_events ("eventId", status, "startsAt", category, "venueId", city, "cityKey", "fromPriceMinor",
  "searchVector")
SELECT e.id, e.status, e."startsAt", e.category, e."venueId", v.city, marquee_normalize(v.city),
  marquee_event_from_price(e.id), e."searchVector"
FROM events e JOIN venues v ON v.id = e."venueId";
