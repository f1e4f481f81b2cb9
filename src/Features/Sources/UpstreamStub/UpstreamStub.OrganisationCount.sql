-- The stub refuses to start on a store with nothing to serve.
SELECT count(*) FROM lrs.organisations;
