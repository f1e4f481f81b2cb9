-- The KPIs of an organisation at their latest `period` (one row per name; ANALYTICS.md §3.2 KPI achievement, §3.4 businessImpact).
-- Periods are labels such as '2025-Q4', which sort in time order as text. numeric is read as double precision for the records.
SELECT DISTINCT ON (k.name)
       k.name AS Name,
       k.target::double precision AS Target,
       k.value::double precision AS Value,
       k.weight::double precision AS Weight,
       k.period AS Period
FROM lrs.kpis k
WHERE k.organisation_id = @organisationId
ORDER BY k.name, k.period DESC;
