-- AlterTable
ALTER TABLE "events" ADD COLUMN     "searchVector" tsvector;

-- CreateTable
CREATE TABLE "search_terms" (
    "kind" TEXT NOT NULL,
    "term" TEXT NOT NULL,
    "label" TEXT NOT NULL,

    CONSTRAINT "search_terms_pkey" PRIMARY KEY ("kind","term")
);

-- CreateIndex
CREATE INDEX "events_searchVector_idx" ON "events" USING GIN ("searchVector");

-- Full-text and typo-tolerant search in PostgreSQL (lib/search/postgres.ts).
CREATE EXTENSION IF NOT EXISTS unaccent;
CREATE EXTENSION IF NOT EXISTS pg_trgm;

-- unaccent() is only STABLE (its dictionary could change); pinning the dictionary makes it
-- safe to use in triggers and indexes.
CREATE OR REPLACE FUNCTION marquee_normalize(text) RETURNS text
  LANGUAGE sql IMMUTABLE PARALLEL SAFE STRICT
  AS $$ SELECT lower(public.unaccent('public.unaccent'::regdictionary, $1)) $$;

CREATE INDEX "search_terms_term_trgm_idx" ON "search_terms" USING GIST ("term" gist_trgm_ops);
CREATE INDEX "search_terms_term_prefix_idx" ON "search_terms" ("term" text_pattern_ops);

-- Recomputes an event's search vector from its own columns and its venue.
CREATE OR REPLACE FUNCTION marquee_event_search_vector() RETURNS trigger LANGUAGE plpgsql AS $$
DECLARE
  v record;
BEGIN
  SELECT name, city INTO v FROM venues WHERE id = NEW."venueId";
  NEW."searchVector" :=
    setweight(to_tsvector('simple', marquee_normalize(coalesce(NEW.title, ''))), 'A') ||
    setweight(to_tsvector('simple', marquee_normalize(array_to_string(NEW.performers, ' '))), 'A') ||
    setweight(to_tsvector('simple', marquee_normalize(coalesce(v.name, '') || ' ' || coalesce(v.city, ''))), 'B') ||
    setweight(to_tsvector('simple', marquee_normalize(coalesce(NEW.description, '') || ' ' || array_to_string(NEW.tags, ' '))), 'C');
  RETURN NEW;
END $$;

CREATE TRIGGER "events_search_vector" BEFORE INSERT OR UPDATE OF title, performers, description, tags, "venueId"
  ON "events" FOR EACH ROW EXECUTE FUNCTION marquee_event_search_vector();

-- Words and names of the catalogue, for typo correction and suggestions.
CREATE OR REPLACE FUNCTION marquee_event_search_terms() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  INSERT INTO search_terms (kind, term, label)
  SELECT 'word', w, w FROM regexp_split_to_table(
    marquee_normalize(NEW.title || ' ' || array_to_string(NEW.performers, ' ') || ' ' || NEW.description || ' ' || array_to_string(NEW.tags, ' ')),
    '[^a-z0-9]+') AS w
  WHERE length(w) >= 2
  ON CONFLICT DO NOTHING;
  INSERT INTO search_terms (kind, term, label)
  SELECT 'performer', marquee_normalize(p), p FROM unnest(NEW.performers) AS p
  ON CONFLICT DO NOTHING;
  RETURN NULL;
END $$;

CREATE TRIGGER "events_search_terms" AFTER INSERT OR UPDATE OF title, performers, description, tags
  ON "events" FOR EACH ROW EXECUTE FUNCTION marquee_event_search_terms();

CREATE OR REPLACE FUNCTION marquee_venue_search() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  INSERT INTO search_terms (kind, term, label)
  SELECT 'venue', marquee_normalize(NEW.name), NEW.name
  UNION ALL SELECT 'city', marquee_normalize(NEW.city), NEW.city
  UNION ALL SELECT 'word', w, w FROM regexp_split_to_table(marquee_normalize(NEW.name || ' ' || NEW.city), '[^a-z0-9]+') AS w WHERE length(w) >= 2
  ON CONFLICT DO NOTHING;
  -- A renamed venue changes the vectors of its events.
  IF TG_OP = 'UPDATE' AND (OLD.name IS DISTINCT FROM NEW.name OR OLD.city IS DISTINCT FROM NEW.city) THEN
    UPDATE events SET "venueId" = "venueId" WHERE "venueId" = NEW.id;
  END IF;
  RETURN NULL;
END $$;

CREATE TRIGGER "venues_search" AFTER INSERT OR UPDATE OF name, city ON "venues"
  FOR EACH ROW EXECUTE FUNCTION marquee_venue_search();

-- Existing rows.
UPDATE venues SET name = name;
UPDATE events SET title = title;
