using System.Runtime.ExceptionServices;

namespace Analytics.Api.Shared.Analytics;

/// <summary>One subject's analytic from a read over several subjects: its result, or the error that prevented it (its own only).</summary>
public sealed record SubjectOutcome<TPayload>(string SubjectId, AnalyticResult<TPayload>? Result, Exception? Error)
    where TPayload : AnalyticPayload
{
    /// <summary>The result, or the subject's error rethrown as raised, so a single-subject read answers exactly as before.</summary>
    public AnalyticResult<TPayload> ResultOrThrow()
    {
        if (Error is not null)
        {
            ExceptionDispatchInfo.Throw(Error);
        }

        return Result ?? throw new InvalidOperationException($"No result and no error for subject {SubjectId}.");
    }
}
