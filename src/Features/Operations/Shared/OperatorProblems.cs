using Analytics.Api.Shared.Errors;

namespace Analytics.Api.Features.Operations.Shared;

/// <summary>The operator errors of API.md §1.5.</summary>
public static class OperatorProblems
{
    public static ApiProblemException JobAlreadyRunning(string jobId) =>
        new(409, "JOB_ALREADY_RUNNING", "Job already running", "A job of this kind is already queued or running.",
            new Dictionary<string, object?> { ["jobId"] = jobId });

    public static ApiProblemException JobNotFound() =>
        new(404, "JOB_NOT_FOUND", "Job not found", "No job with this id exists (jobs are kept 7 days, batch runs 90 days).");
}
