-- search_events carries the venue's time zone: "today", "this weekend", "this month" and custom days are
-- the venue's own, so a date filter becomes one UTC range per zone (lib/search/local-dates.ts) and search
-- filters ("timeZone" IN zones AND "startsAt" in range) OR … on this one table.

-- AlterTable (filled from the venues before it becomes NOT NULL)
ALTER TABLE "search_events" ADD COLUMN "timeZone" TEXT;
UPDATE "search_events" f SET "timeZone" = v."timeZone" FROM "venues" v WHERE v.id = f."venueId";
ALTER TABLE "search_events" ALTER COLUMN "timeZone" SET NOT NULL;

-- Written by hand from here on.
--
-- A date-filtered facet query stays index-only: the zone joins the columns the public index carries.
DROP INDEX "search_events_public_idx";
CREATE INDEX "search_events_public_idx" ON "search_events" ("startsAt")
  INCLUDE ("category", "cityKey", "city", "fromPriceMinor", "venueId", "timeZone") WHERE "status" = 'PUBLISHED';

CREATE OR REPLACE FUNCTION marquee_search_events_added() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  INSERT INTO search_events ("eventId", status, "startsAt", category, "venueId", city, "cityKey", "timeZone",
    "fromPriceMinor", "searchVector")
  SELECT n.id, n.status, n."startsAt", n.category, n."venueId", v.city, marquee_normalize(v.city), v."timeZone",
    marquee_event_from_price(n.id), n."searchVector"
  FROM new_events n JOIN venues v ON v.id = n."venueId";
  RETURN NULL;
END $$;

CREATE OR REPLACE FUNCTION marquee_search_events_changed() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  UPDATE search_events f
  SET status = NEW.status, "startsAt" = NEW."startsAt", category = NEW.category, "venueId" = NEW."venueId",
    city = v.city, "cityKey" = marquee_normalize(v.city), "timeZone" = v."timeZone", "searchVector" = NEW."searchVector"
  FROM venues v WHERE v.id = NEW."venueId" AND f."eventId" = NEW.id;
  RETURN NULL;
END $$;

-- A venue's city renamed, or its time zone corrected.
CREATE OR REPLACE FUNCTION marquee_search_events_city() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  UPDATE search_events SET city = NEW.city, "cityKey" = marquee_normalize(NEW.city), "timeZone" = NEW."timeZone"
  WHERE "venueId" = NEW.id;
  RETURN NULL;
END $$;

DROP TRIGGER "venues_search_events_city" ON "venues";
CREATE TRIGGER "venues_search_events_city" AFTER UPDATE OF city, "timeZone" ON "venues"
  FOR EACH ROW WHEN (OLD.city IS DISTINCT FROM NEW.city OR OLD."timeZone" IS DISTINCT FROM NEW."timeZone")
  EXECUTE FUNCTION marquee_search_events_city();
