namespace Analytics.Api.Features.OrganisationAnalytics.Shared;

/// <summary>The latest `period` row of one of an organisation's `kpis` (DATA_MODEL.md §1.4), as KpiAchievement.Kpis.sql reads it.</summary>
public sealed record OrganisationKpi(string Name, double Target, double? Value, double Weight, string Period);
