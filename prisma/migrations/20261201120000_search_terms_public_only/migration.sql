-- search_terms holds only what published, upcoming events contain (security issue #8: a draft's
-- words and names surfaced as suggestions and as "did you mean"). Terms are added when an event is
-- published, read back only while a public event still uses them (suggestions), and deleted by
-- marquee_prune_search_terms, which the worker runs every few minutes. See docs/security.md,
-- "Search index and drafts".

-- Performer names as queries compare them, for an exact, indexed "does a published event have this
-- performer?". Schema-qualified inside: index expressions are evaluated with a restricted search_path
-- during ANALYZE, VACUUM and REINDEX.
CREATE OR REPLACE FUNCTION marquee_normalize_all(text[]) RETURNS text[]
  LANGUAGE sql IMMUTABLE PARALLEL SAFE STRICT
  AS $$ SELECT array_agg(public.marquee_normalize(p)) FROM unnest($1) AS p $$;

CREATE INDEX "events_published_performers_idx" ON "events" USING GIN (marquee_normalize_all("performers"))
  WHERE "status" = 'PUBLISHED';
-- Venue and city names as queries compare them, and "does this venue have a published event that has
-- not started?" answered from the index alone.
CREATE INDEX "venues_name_normalized_idx" ON "venues" (marquee_normalize("name"));
CREATE INDEX "venues_city_normalized_idx" ON "venues" (marquee_normalize("city"));
CREATE INDEX "events_published_venue_idx" ON "events" ("venueId", "startsAt") WHERE "status" = 'PUBLISHED';

-- Whether a published event that starts at or after `starts_from` uses the term: the one rule behind
-- suggestions (lib/search/postgres.ts) and pruning (below). Every branch is an index lookup whatever
-- the term, because this function runs on cached generic plans that cannot see the term:
-- - venues and cities: the normalized-name index, then an index-only probe of the published venue index;
-- - performers and words: the GIN index first, then status and date on the events found, so the cost
--   is bounded by the events that have the term. Written as EXISTS, or with the date next to the
--   GIN condition, the generic plan bets on an early match and scans events sequentially, or
--   intersects with the (status, startsAt) index, reading every upcoming event when the term has
--   none; the fence (OFFSET 0) and the aggregate prevent both.
-- PL/pgSQL so that each branch gets a small cached plan of its own (one SQL UNION ALL was replanned
-- on every call: ~0.9 ms against ~0.06 ms). Figures: docs/architecture.md, "Search".
CREATE OR REPLACE FUNCTION marquee_search_term_public(term_kind text, term_value text, starts_from timestamp)
  RETURNS boolean LANGUAGE plpgsql STABLE PARALLEL SAFE
  AS $$
BEGIN
  IF term_kind = 'venue' THEN
    RETURN EXISTS (
      SELECT 1 FROM venues v JOIN events e ON e."venueId" = v.id
      WHERE marquee_normalize(v.name) = term_value AND e.status = 'PUBLISHED' AND e."startsAt" >= starts_from);
  ELSIF term_kind = 'city' THEN
    RETURN EXISTS (
      SELECT 1 FROM venues v JOIN events e ON e."venueId" = v.id
      WHERE marquee_normalize(v.city) = term_value AND e.status = 'PUBLISHED' AND e."startsAt" >= starts_from);
  ELSIF term_kind = 'performer' THEN
    RETURN (SELECT coalesce(bool_or(m."startsAt" >= starts_from), false)
      FROM (SELECT e."startsAt" FROM events e
            WHERE marquee_normalize_all(e.performers) @> ARRAY[term_value] AND e.status = 'PUBLISHED' OFFSET 0) AS m);
  ELSIF term_kind = 'word' THEN
    -- Word terms are [a-z0-9]+, so the quoted word is exactly one lexeme.
    RETURN (SELECT coalesce(bool_or(m.status = 'PUBLISHED' AND m."startsAt" >= starts_from), false)
      FROM (SELECT e.status, e."startsAt" FROM events e
            WHERE e."searchVector" @@ quote_literal(term_value)::tsquery OFFSET 0) AS m);
  END IF;
  RETURN false;
END $$;

-- The terms of one event: its words (with its venue's), performers, venue and city. Fired only for
-- published events that have not started (see the trigger's WHEN), so drafts add nothing.
CREATE OR REPLACE FUNCTION marquee_event_search_terms() RETURNS trigger LANGUAGE plpgsql AS $$
DECLARE
  v record;
BEGIN
  SELECT name, city INTO v FROM venues WHERE id = NEW."venueId";
  INSERT INTO search_terms (kind, term, label)
  SELECT 'word', w, w FROM regexp_split_to_table(
    marquee_normalize(concat_ws(' ', NEW.title, array_to_string(NEW.performers, ' '), NEW.description,
      array_to_string(NEW.tags, ' '), v.name, v.city)),
    '[^a-z0-9]+') AS w
  WHERE length(w) >= 2
  UNION ALL SELECT 'performer', marquee_normalize(p), p FROM unnest(NEW.performers) AS p WHERE p IS NOT NULL
  UNION ALL SELECT 'venue', marquee_normalize(v.name), v.name
  UNION ALL SELECT 'city', marquee_normalize(v.city), v.city
  ON CONFLICT DO NOTHING;
  RETURN NULL;
END $$;

-- Publishing a draft (status), rescheduling (startsAt) and moving it (venueId) add terms too.
DROP TRIGGER "events_search_terms" ON "events";
CREATE TRIGGER "events_search_terms"
  AFTER INSERT OR UPDATE OF title, performers, description, tags, status, "startsAt", "venueId" ON "events"
  FOR EACH ROW WHEN (NEW.status = 'PUBLISHED' AND NEW."startsAt" >= (now() AT TIME ZONE 'UTC'))
  EXECUTE FUNCTION marquee_event_search_terms();

-- A venue's name is a term only through its published events: writing a venue adds nothing, and a
-- rename re-runs its events' triggers (new vectors; new terms for the published ones).
CREATE OR REPLACE FUNCTION marquee_venue_search() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  IF OLD.name IS DISTINCT FROM NEW.name OR OLD.city IS DISTINCT FROM NEW.city THEN
    UPDATE events SET "venueId" = "venueId" WHERE "venueId" = NEW.id;
  END IF;
  RETURN NULL;
END $$;

DROP TRIGGER "venues_search" ON "venues";
CREATE TRIGGER "venues_search" AFTER UPDATE OF name, city ON "venues"
  FOR EACH ROW EXECUTE FUNCTION marquee_venue_search();

-- Deletes the terms that no published event starting at or after `starts_from` uses any more, and
-- returns how many (NULL when writers kept search_terms busy for longer than `lock_wait`).
--
-- 1. Finding them reads the public catalogue once, set-wise (ts_stat over the search vectors, the
--    distinct performers, the venues in use), and blocks nobody.
-- 2. Deleting them re-checks each candidate with marquee_search_term_public, in a new snapshot taken
--    after a SHARE ROW EXCLUSIVE lock on search_terms: the lock waits for every transaction that is
--    adding terms and holds off new ones for the few milliseconds the re-check takes. Without it, an
--    event published during a prune that re-uses a stale term (ON CONFLICT DO NOTHING takes no row
--    lock) would lose that term for good. Reads are never blocked.
-- Needs READ COMMITTED (the default), so that step 2 sees what committed before the lock.
CREATE OR REPLACE FUNCTION marquee_prune_search_terms(starts_from timestamp, lock_wait interval DEFAULT '2 seconds')
  RETURNS integer LANGUAGE plpgsql AS $$
DECLARE
  stale_kinds text[];
  stale_terms text[];
  previous_lock_timeout text := current_setting('lock_timeout');
  removed integer;
BEGIN
  WITH public_events AS MATERIALIZED (
    SELECT "venueId", performers FROM events WHERE status = 'PUBLISHED' AND "startsAt" >= starts_from
  ), in_use (kind, term) AS (
    SELECT 'word', word FROM ts_stat(format(
      'SELECT "searchVector" FROM events WHERE status = %L AND "startsAt" >= %L', 'PUBLISHED', starts_from))
    UNION ALL
    SELECT 'performer', marquee_normalize(p) FROM (SELECT DISTINCT unnest(performers) FROM public_events) AS d(p)
    UNION ALL
    SELECT t.kind, t.term FROM venues v
      CROSS JOIN LATERAL (VALUES ('venue', marquee_normalize(v.name)), ('city', marquee_normalize(v.city))) AS t(kind, term)
      WHERE v.id IN (SELECT "venueId" FROM public_events)
  )
  SELECT array_agg(s.kind), array_agg(s.term) INTO stale_kinds, stale_terms
  FROM search_terms s
  WHERE NOT EXISTS (SELECT 1 FROM in_use u WHERE u.kind = s.kind AND u.term = s.term);
  IF stale_terms IS NULL THEN
    RETURN 0;
  END IF;

  BEGIN
    -- At least 1 ms: a lock_timeout of 0 would mean waiting for ever.
    PERFORM set_config('lock_timeout', greatest(1, (extract(epoch FROM lock_wait) * 1000)::bigint)::text, true);
    LOCK TABLE search_terms IN SHARE ROW EXCLUSIVE MODE;
    PERFORM set_config('lock_timeout', previous_lock_timeout, true);
  EXCEPTION WHEN lock_not_available THEN
    PERFORM set_config('lock_timeout', previous_lock_timeout, true);
    RETURN NULL;
  END;

  DELETE FROM search_terms s
  USING unnest(stale_kinds, stale_terms) AS c(kind, term)
  WHERE s.kind = c.kind AND s.term = c.term
    AND NOT marquee_search_term_public(s.kind, s.term, starts_from);
  GET DIAGNOSTICS removed = ROW_COUNT;
  RETURN removed;
END $$;

-- What the old triggers added for drafts, cancelled and past events, and for venues without events.
SELECT marquee_prune_search_terms((now() AT TIME ZONE 'UTC')::timestamp);
