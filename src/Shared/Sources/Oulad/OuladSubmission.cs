namespace Analytics.Api.Shared.Sources.Oulad;

/// <summary>A row of studentAssessment.csv as <c>oulad-sub-&lt;id_assessment&gt;-&lt;id_student&gt;</c>, attempt 1.</summary>
public sealed record OuladSubmission(OuladAssessment Assessment, int IdStudent, string UserId, DateOnly SubmittedOn, decimal? ScorePct, bool IsBanked)
{
    public string Id { get; } = $"oulad-sub-{Assessment.IdAssessment}-{IdStudent}";
}
