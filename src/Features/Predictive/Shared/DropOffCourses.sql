-- The courses an evaluation can select (`evaluate dropoff --train/--test`), by id; OULAD presentations are `oulad-<M>-<P>`.
SELECT c.id
FROM lrs.courses c
ORDER BY c.id;
