-- Monthly range partitions (DATA_MODEL.md §8). Run on every start; CREATE OR REPLACE only.
-- There are no default partitions: loaders call ops.ensure_month_partitions for their batch's months before COPY,
-- and the partition-maintenance job detaches and drops what ops.expired_partitions returns.

-- The range bounds of every partition of a table partitioned by RANGE on one date or timestamptz column,
-- as dates (a timestamptz bound is read in UTC). Partitions bounded by MINVALUE/MAXVALUE get a NULL bound.
CREATE OR REPLACE FUNCTION ops.partition_bounds(parent regclass)
RETURNS TABLE (partition regclass, from_day date, to_day date)
LANGUAGE sql STABLE
AS $fn$
    WITH key AS (
        SELECT a.atttypid AS type_oid
        FROM pg_catalog.pg_partitioned_table p
        JOIN pg_catalog.pg_attribute a ON a.attrelid = p.partrelid AND a.attnum = p.partattrs[0]
        WHERE p.partrelid = parent
    ),
    bounds AS (
        SELECT c.oid::regclass AS partition,
               regexp_match(pg_catalog.pg_get_expr(c.relpartbound, c.oid),
                            '^FOR VALUES FROM \((.+)\) TO \((.+)\)$') AS b
        FROM pg_catalog.pg_inherits i
        JOIN pg_catalog.pg_class c ON c.oid = i.inhrelid
        WHERE i.inhparent = parent
    )
    SELECT bounds.partition,
           CASE WHEN b[1] ~ '^''.*''$' THEN
               CASE WHEN key.type_oid = 'timestamptz'::regtype
                    THEN (btrim(b[1], '''')::timestamptz AT TIME ZONE 'UTC')::date
                    ELSE btrim(b[1], '''')::date END
           END,
           CASE WHEN b[2] ~ '^''.*''$' THEN
               CASE WHEN key.type_oid = 'timestamptz'::regtype
                    THEN (btrim(b[2], '''')::timestamptz AT TIME ZONE 'UTC')::date
                    ELSE btrim(b[2], '''')::date END
           END
    FROM bounds CROSS JOIN key
$fn$;

-- Creates the missing monthly partitions <table>_yYYYYmMM, in the parent's schema, for every month from
-- from_month to to_month (both inclusive, any day of the month), and returns how many it created.
-- A month already covered by any partition is skipped. Concurrent callers are serialised per parent.
CREATE OR REPLACE FUNCTION ops.ensure_month_partitions(parent regclass, from_month date, to_month date)
RETURNS integer
LANGUAGE plpgsql
AS $fn$
DECLARE
    parent_schema name;
    parent_name   name;
    key_type      regtype;
    month_start   date;
    month_end     date;
    locked        boolean := false;
    created       integer := 0;
BEGIN
    IF from_month IS NULL OR to_month IS NULL THEN
        RAISE EXCEPTION 'ensure_month_partitions: from_month and to_month are required';
    END IF;

    SELECT n.nspname, c.relname, a.atttypid::regtype
      INTO parent_schema, parent_name, key_type
    FROM pg_catalog.pg_class c
    JOIN pg_catalog.pg_namespace n ON n.oid = c.relnamespace
    JOIN pg_catalog.pg_partitioned_table p ON p.partrelid = c.oid
    JOIN pg_catalog.pg_attribute a ON a.attrelid = p.partrelid AND a.attnum = p.partattrs[0]
    WHERE c.oid = parent AND p.partstrat = 'r' AND p.partnatts = 1;

    IF NOT FOUND THEN
        RAISE EXCEPTION 'ensure_month_partitions: % is not partitioned by range on one column', parent;
    END IF;
    IF key_type NOT IN ('date'::regtype, 'timestamptz'::regtype) THEN
        RAISE EXCEPTION 'ensure_month_partitions: the partition key of % is %, not date or timestamptz', parent, key_type;
    END IF;

    month_start := date_trunc('month', from_month)::date;
    WHILE month_start <= date_trunc('month', to_month)::date LOOP
        month_end := (month_start + interval '1 month')::date;

        IF NOT EXISTS (SELECT 1 FROM ops.partition_bounds(parent) b
                       WHERE b.from_day < month_end AND b.to_day > month_start) THEN
            -- Take the lock only when something is missing, then look again: another session may have just created it.
            IF NOT locked THEN
                PERFORM pg_advisory_xact_lock(hashtext('ops.ensure_month_partitions'), hashtext(parent::text));
                locked := true;
                CONTINUE;
            END IF;

            -- timestamptz bounds are written with an explicit UTC offset, so the session time zone does not matter.
            EXECUTE format('CREATE TABLE %I.%I PARTITION OF %s FOR VALUES FROM (%L) TO (%L)',
                           parent_schema,
                           parent_name || '_y' || to_char(month_start, 'YYYY') || 'm' || to_char(month_start, 'MM'),
                           parent,
                           CASE WHEN key_type = 'timestamptz'::regtype
                                THEN to_char(month_start, 'YYYY-MM-DD') || ' 00:00:00+00'
                                ELSE to_char(month_start, 'YYYY-MM-DD') END,
                           CASE WHEN key_type = 'timestamptz'::regtype
                                THEN to_char(month_end, 'YYYY-MM-DD') || ' 00:00:00+00'
                                ELSE to_char(month_end, 'YYYY-MM-DD') END);
            created := created + 1;
        END IF;

        month_start := month_end;
    END LOOP;

    RETURN created;
END;
$fn$;

-- Partitions of parent whose upper bound is on or before `before`: every row in them is older than `before`.
CREATE OR REPLACE FUNCTION ops.expired_partitions(parent regclass, before date)
RETURNS SETOF regclass
LANGUAGE sql STABLE
AS $fn$
    SELECT b.partition
    FROM ops.partition_bounds(parent) b
    WHERE b.to_day <= before
    ORDER BY b.to_day
$fn$;
