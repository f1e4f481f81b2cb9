-- The organisations the Directory listed, when Sync:Organisations does not name them.
SELECT id
FROM lrs.organisations
WHERE source = @source
ORDER BY id;
