namespace Analytics.Api.Shared.Sources.Demo;

/// <summary>
/// One planned enrolment. <see cref="Start"/> is s(e) of ANALYTICS.md §0.1 and <see cref="End"/> the expected last day;
/// <see cref="AlwaysRates"/> marks the org-123 enrolments that guarantee ≥ 10 ratings per course.
/// </summary>
public sealed record EnrolmentPlan(int Course, bool Assigned, DateOnly EnrolledOn, DateOnly Start, DateOnly End, bool AlwaysRates);
