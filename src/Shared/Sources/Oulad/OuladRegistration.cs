namespace Analytics.Api.Shared.Sources.Oulad;

/// <summary>
/// One registration (studentRegistration.csv joined with studentInfo.csv): the enrolment <c>oulad-enr-&lt;M&gt;-&lt;P&gt;-&lt;id&gt;</c>
/// and its learner attributes (SOURCES.md §4.2). <see cref="Region"/> names the department even with <c>--demographics skip</c>,
/// which clears the protected attributes: departments are the organisation's structure (§4.2 departments).
/// </summary>
public sealed record OuladRegistration(
    int Index,
    int Course,
    int IdStudent,
    string EnrolmentId,
    string UserId,
    DateOnly? EnrolledOn,
    DateOnly? WithdrawnOn,
    DateOnly? CompletedOn,
    string Status,
    string? FinalResult,
    string? Region,
    OuladLearnerAttributes Attributes);
