namespace Analytics.Api.Shared.Sources.Demo;

/// <summary>An organisation KPI for the quarter that contains asOf.</summary>
public sealed record KpiPlan(string Id, string Name, string Unit, decimal Target, decimal Value, decimal Weight, string Period);
