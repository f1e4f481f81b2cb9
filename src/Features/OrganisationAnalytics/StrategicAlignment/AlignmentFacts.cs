namespace Analytics.Api.Features.OrganisationAnalytics.StrategicAlignment;

/// <summary>StrategicAlignment.Facts.sql: the organisation's k and weight overrides, the department check and the employees in scope.</summary>
public sealed record AlignmentFacts(int? OrganisationMinGroupSize, string? OrganisationWeights, bool DepartmentKnown, int Employees);
