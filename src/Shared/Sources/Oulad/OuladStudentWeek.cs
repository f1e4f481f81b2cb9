namespace Analytics.Api.Shared.Sources.Oulad;

/// <summary>One registration-week of ANALYTICS.md §9 C1: summed clicks, distinct active days, distinct sites and source rows.</summary>
public sealed record OuladStudentWeek(string Module, string Presentation, int IdStudent, int Week, long Clicks, int ActiveDays, int DistinctSites, long Records);
