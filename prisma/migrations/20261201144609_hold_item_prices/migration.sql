-- A hold records the price and fee it was taken at: a later price change applies to later sales only.
ALTER TABLE "hold_items" ADD COLUMN "unitFeeMinor" INTEGER,
ADD COLUMN "unitPriceMinor" INTEGER;
UPDATE "hold_items" hi SET "unitPriceMinor" = t."priceMinor", "unitFeeMinor" = t."feeMinor"
FROM "ticket_types" t WHERE t.id = hi."ticketTypeId";
ALTER TABLE "hold_items" ALTER COLUMN "unitFeeMinor" SET NOT NULL,
ALTER COLUMN "unitPriceMinor" SET NOT NULL;

-- lib/orders' rule, in SQL so that a hold can apply it inside its one statement: what counts toward a
-- fan's per-event limit besides live holds — tickets issued to them, and the items of their pending
-- orders whose hold is no longer live but whose payment page is still open (they can still pay).
-- Orders whose hold is live are counted through the hold (by the hold store). Same rule as
-- lib/orders/fan-limit.ts; reached through the fan's own orders (index orders(userId, …)), so its
-- cost does not grow with the event's sales.
CREATE OR REPLACE FUNCTION marquee_fan_committed(p_event text, p_user text, p_now timestamp)
  RETURNS integer LANGUAGE sql STABLE AS $$
  SELECT (
    SELECT count(*)::int FROM orders o JOIN tickets t ON t."orderId" = o.id
    WHERE o."userId" = p_user AND o."eventId" = p_event AND t.status = 'ISSUED'
  ) + (
    SELECT coalesce(sum(oi.quantity), 0)::int
    FROM orders o JOIN holds h ON h.id = o."holdId" JOIN order_items oi ON oi."orderId" = o.id
    WHERE o."userId" = p_user AND o."eventId" = p_event AND o.status = 'PENDING'
      AND (h.status <> 'ACTIVE' OR h."expiresAt" <= p_now)
      AND EXISTS (SELECT 1 FROM payments p WHERE p."orderId" = o.id AND p.status = 'PENDING' AND p."expiresAt" > p_now)
  )
$$;

-- The PostgreSQL hold store's whole hold in one statement (lib/inventory/postgres-hold-store.ts):
-- the fan's limit under the same advisory lock settlement takes (lockFanForEvent), the seats locked in id
-- order and GA types locked and checked before anything is written (so a refusal writes nothing and needs
-- no rollback), then the hold, its seats, its GA counts and its items with their prices.
-- Returns {"outcome": "held", "items": [...]}, {"outcome": "limit", "alreadyTaken": n} or
-- {"outcome": "unavailable", "seatIds": [...], "ticketTypeIds": [...]}.
CREATE OR REPLACE FUNCTION marquee_take_hold(
  p_hold text, p_event text, p_user text, p_now timestamp, p_expires timestamp, p_limit integer,
  p_seat_ids text[], p_ga_types text[], p_ga_quantities integer[]
) RETURNS jsonb LANGUAGE plpgsql AS $$
DECLARE
  v_quantity integer := coalesce(cardinality(p_seat_ids), 0)
    + coalesce((SELECT sum(q) FROM unnest(p_ga_quantities) q), 0);
  v_taken integer;
  v_seats text[] := '{}';
  v_missing_seats text[];
  v_missing_types text[];
  v_items jsonb;
BEGIN
  -- Two tabs of one fan, or a late payment settling for them, are serialised here.
  PERFORM pg_advisory_xact_lock(hashtext(p_event), hashtext(p_user));
  SELECT coalesce(sum(hi.quantity), 0)::int INTO v_taken
  FROM holds h JOIN hold_items hi ON hi."holdId" = h.id
  WHERE h."eventId" = p_event AND h."userId" = p_user AND h.status = 'ACTIVE' AND h."expiresAt" > p_now;
  v_taken := v_taken + marquee_fan_committed(p_event, p_user, p_now);
  IF v_taken + v_quantity > p_limit THEN
    RETURN jsonb_build_object('outcome', 'limit', 'alreadyTaken', v_taken);
  END IF;

  IF cardinality(p_seat_ids) > 0 THEN
    -- Id order: no deadlocks between buyers. NO KEY: rivals' hold_items foreign keys do not queue us.
    -- A rival taking the same seat now is waited for (one statement, so a short wait), then re-checked.
    SELECT coalesce(array_agg(id), '{}') INTO v_seats FROM (
      SELECT id FROM seats
      WHERE "eventId" = p_event AND id = ANY(p_seat_ids) AND status = 'AVAILABLE'
        AND ("holdId" IS NULL OR "holdExpiresAt" <= p_now)
      ORDER BY id FOR NO KEY UPDATE
    ) s;
    v_missing_seats := ARRAY(SELECT x FROM unnest(p_seat_ids) x WHERE x <> ALL(v_seats));
  ELSE
    v_missing_seats := '{}';
  END IF;

  IF cardinality(p_ga_types) > 0 THEN
    -- Lapsed holds of the event give their GA quantities back first (the sweep does the same).
    WITH lapsed AS (
      UPDATE holds SET status = 'EXPIRED', "updatedAt" = now()
      WHERE status = 'ACTIVE' AND "expiresAt" <= p_now AND "eventId" = p_event
      RETURNING id
    ), freed AS (
      SELECT hi."ticketTypeId", sum(hi.quantity)::int AS quantity
      FROM hold_items hi JOIN lapsed ON lapsed.id = hi."holdId"
      WHERE hi."seatId" IS NULL GROUP BY hi."ticketTypeId"
    )
    UPDATE ticket_types t SET held = t.held - freed.quantity FROM freed WHERE t.id = freed."ticketTypeId";

    SELECT ARRAY(
      SELECT r.id FROM (
        SELECT t.id, t.capacity, t.sold, t.held FROM ticket_types t
        WHERE t.id = ANY(p_ga_types) ORDER BY t.id FOR NO KEY UPDATE
      ) r JOIN unnest(p_ga_types, p_ga_quantities) AS g(id, quantity) ON g.id = r.id
      WHERE r.sold + r.held + g.quantity > r.capacity
    ) || ARRAY(
      SELECT g.id FROM unnest(p_ga_types) AS g(id)
      WHERE NOT EXISTS (
        SELECT 1 FROM ticket_types t
        WHERE t.id = g.id AND t."eventId" = p_event AND t.kind = 'GENERAL_ADMISSION'
      )
    ) INTO v_missing_types;
  ELSE
    v_missing_types := '{}';
  END IF;

  IF cardinality(v_missing_seats) > 0 OR cardinality(v_missing_types) > 0 THEN
    RETURN jsonb_build_object('outcome', 'unavailable', 'seatIds', to_jsonb(v_missing_seats),
      'ticketTypeIds', to_jsonb(v_missing_types));
  END IF;

  INSERT INTO holds (id, "eventId", "userId", status, "expiresAt", "createdAt", "updatedAt")
  VALUES (p_hold, p_event, p_user, 'ACTIVE', p_expires, now(), now());
  IF cardinality(v_seats) > 0 THEN
    UPDATE seats SET "holdId" = p_hold, "holdExpiresAt" = p_expires WHERE id = ANY(v_seats);
  END IF;
  IF cardinality(p_ga_types) > 0 THEN
    UPDATE ticket_types t SET held = t.held + g.quantity
    FROM unnest(p_ga_types, p_ga_quantities) AS g(id, quantity) WHERE t.id = g.id;
  END IF;

  WITH wanted AS (
    SELECT s.id AS seat_id, s."ticketTypeId" AS type_id, 1 AS quantity FROM seats s WHERE s.id = ANY(v_seats)
    UNION ALL
    SELECT NULL, g.id, g.quantity FROM unnest(p_ga_types, p_ga_quantities) AS g(id, quantity)
  ), inserted AS (
    INSERT INTO hold_items (id, "holdId", "ticketTypeId", "seatId", quantity, "unitPriceMinor", "unitFeeMinor")
    SELECT gen_random_uuid()::text, p_hold, w.type_id, w.seat_id, w.quantity, t."priceMinor", t."feeMinor"
    FROM wanted w JOIN ticket_types t ON t.id = w.type_id
    RETURNING "ticketTypeId", "seatId", quantity, "unitPriceMinor", "unitFeeMinor"
  )
  SELECT coalesce(jsonb_agg(jsonb_build_object('ticketTypeId', "ticketTypeId", 'seatId', "seatId",
    'quantity', quantity, 'unitPriceMinor', "unitPriceMinor", 'unitFeeMinor', "unitFeeMinor")), '[]')
  INTO v_items FROM inserted;

  RETURN jsonb_build_object('outcome', 'held', 'items', v_items);
END
$$;
