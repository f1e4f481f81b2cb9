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

    public static ApiProblemException UpstreamNotFound(string name) =>
        new(404, "UPSTREAM_NOT_FOUND", "Upstream not found",
            $"'{name}' is not an upstream service: auth, directory, course-builder, content-studio, assessment, skills-engine, learner-ai, devlab, rag-assistant.");

    public static ApiProblemException SourceModeMismatch(string sourceMode) =>
        new(409, "SOURCE_MODE_MISMATCH", "Source mode mismatch", "A sync needs Sources:Mode upstream or mixed.",
            new Dictionary<string, object?> { ["sourceMode"] = sourceMode });
}
