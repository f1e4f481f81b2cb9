-- Which of the hashed ids (@hashes, hex) have an erasure tombstone (DATA_MODEL.md §7): their records are dropped by every loader.
SELECT encode(t.subject_hash, 'hex')
FROM ops.erasure_tombstones t
WHERE t.subject_hash = ANY (ARRAY(SELECT decode(h, 'hex') FROM unnest(@hashes::text[]) AS h))
