-- The stub answers 404 for a listing of an organisation the store does not hold.
SELECT EXISTS (SELECT 1 FROM lrs.organisations WHERE id = @organisationId);
