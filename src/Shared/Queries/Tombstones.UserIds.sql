-- Every person of the store, to find those a generator wrote again after their erasure.
SELECT u.id FROM lrs.users u
