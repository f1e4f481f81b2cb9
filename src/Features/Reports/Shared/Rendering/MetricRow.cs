namespace Analytics.Api.Features.Reports.Shared.Rendering;

/// <summary>One number of a report in the long format of API.md §4.7: `analytic,section,metric,dimension,value,unit,computedAt`.</summary>
public sealed record MetricRow(string Analytic, string Section, string Metric, string Dimension, string Value, string Unit, string ComputedAt);
