-- Whether any person has been erased (DATA_MODEL.md §10).
SELECT EXISTS (SELECT 1 FROM ops.erasure_tombstones)
