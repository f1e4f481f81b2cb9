-- The month partitions of a page's activity or session rows (DATA_MODEL.md §8), before they are written.
SELECT ops.ensure_month_partitions(@parent::regclass, @first, @last);
