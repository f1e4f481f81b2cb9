namespace Analytics.Api.Features.Predictive.Shared;

/// <summary>
/// What a drop-off model predicts (ANALYTICS.md §5.1 label; ../shared/data/README.md protocol): `at-risk` (withdrawn or failed,
/// the default label), `dropout` (withdrawn only: the service's `withdrawal` label), `fail` (failed among those who did not
/// withdraw) and `exam-score` (the forecast's exam score, §5.2).
/// </summary>
public enum DropOffTarget
{
    AtRisk,
    Dropout,
    Fail,
    ExamScore,
}

public static class DropOffTargets
{
    public static DropOffTarget Parse(string value) => value switch
    {
        "at-risk" => DropOffTarget.AtRisk,
        "dropout" or "withdrawal" => DropOffTarget.Dropout,
        "fail" => DropOffTarget.Fail,
        "exam-score" => DropOffTarget.ExamScore,
        _ => throw new ArgumentException($"--target must be dropout, at-risk, fail or exam-score, not '{value}'."),
    };

    public static string Name(DropOffTarget target) => target switch
    {
        DropOffTarget.AtRisk => "at-risk",
        DropOffTarget.Dropout => "dropout",
        DropOffTarget.Fail => "fail",
        _ => "exam-score",
    };

    /// <summary>
    /// The binary label of a finished enrolment, or null when it has none under this target (not finished yet; a withdrawal
    /// under `fail`). Withdrawn = final result withdrawn or status withdrawn; failed = final result fail.
    /// </summary>
    public static bool? Label(DropOffEnrolment e, DropOffTarget target)
    {
        var withdrawn = e.FinalResult == "withdrawn" || e.Status == "withdrawn";
        var failed = e.FinalResult == "fail";
        var finished = withdrawn || e.Status == "completed" || e.FinalResult is not null;
        if (!finished)
        {
            return null;
        }

        return target switch
        {
            DropOffTarget.AtRisk => withdrawn || failed,
            DropOffTarget.Dropout => withdrawn,
            DropOffTarget.Fail => withdrawn ? null : failed,
            _ => null,
        };
    }

    /// <summary>The exam score of a completed enrolment: its latest non-banked exam submission with a score (§5.2 target).</summary>
    public static double? ExamScore(DropOffHistory history)
    {
        var e = history.Enrolment;
        if (e.FinalResult == "withdrawn" || e.Status == "withdrawn")
        {
            return null;
        }

        var exams = history.Assessments.Where(a => a.Kind == "exam").Select(a => a.Id).ToHashSet(StringComparer.Ordinal);
        return history.Submissions
            .Where(s => exams.Contains(s.AssessmentId) && !s.Banked && s.Score is not null)
            .OrderBy(s => s.SubmittedOn)
            .Select(s => s.Score)
            .LastOrDefault();
    }
}
