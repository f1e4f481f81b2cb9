-- Creates the missing monthly partitions of one partitioned table for [fromMonth, toMonth] (DATA_MODEL.md §8).
SELECT ops.ensure_month_partitions(@table::regclass, @fromMonth, @toMonth)
