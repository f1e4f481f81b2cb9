namespace Analytics.Api.Shared.Sources.Oulad;

/// <summary>A region of studentInfo.csv as a department <c>oulad-region-&lt;slug&gt;</c>.</summary>
public sealed record OuladDepartment(string Id, string Name);
