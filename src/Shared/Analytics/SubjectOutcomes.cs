using Analytics.Api.Shared.Errors;

namespace Analytics.Api.Shared.Analytics;

/// <summary>Runs a pure per-subject computation over the rows of a read over several subjects, one outcome per requested id.</summary>
public static class SubjectOutcomes
{
    /// <summary>
    /// One outcome per id of <paramref name="subjectIds"/>, in order: an id the store does not hold is SUBJECT_NOT_FOUND, and
    /// a computation that throws fails its own subject only.
    /// </summary>
    public static IReadOnlyList<SubjectOutcome<TPayload>> Compute<TPayload>(
        IReadOnlyList<string> subjectIds,
        IReadOnlyDictionary<string, SubjectContext> subjects,
        Func<string, SubjectContext, AnalyticResult<TPayload>> compute)
        where TPayload : AnalyticPayload
    {
        ArgumentNullException.ThrowIfNull(subjectIds);
        ArgumentNullException.ThrowIfNull(subjects);
        ArgumentNullException.ThrowIfNull(compute);
        var outcomes = new SubjectOutcome<TPayload>[subjectIds.Count];
        for (var i = 0; i < subjectIds.Count; i++)
        {
            var subjectId = subjectIds[i];
            if (!subjects.TryGetValue(subjectId, out var subject))
            {
                outcomes[i] = new SubjectOutcome<TPayload>(subjectId, null, Problems.SubjectNotFound());
                continue;
            }

            try
            {
                outcomes[i] = new SubjectOutcome<TPayload>(subjectId, compute(subjectId, subject), null);
            }
            catch (Exception exception) when (exception is not OperationCanceledException)
            {
                outcomes[i] = new SubjectOutcome<TPayload>(subjectId, null, exception);
            }
        }

        return outcomes;
    }
}
