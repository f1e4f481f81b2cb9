-- Partitions of a table whose whole range lies before @before (DATA_MODEL.md §8), as quoted, schema-qualified names.
SELECT format('%I.%I', n.nspname, c.relname)
FROM ops.expired_partitions(@table::regclass, @before) AS p
JOIN pg_catalog.pg_class c ON c.oid = p
JOIN pg_catalog.pg_namespace n ON n.oid = c.relnamespace
