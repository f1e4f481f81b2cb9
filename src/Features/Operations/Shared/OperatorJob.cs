using System.Text.Json.Nodes;
using Analytics.Api.Shared.Jobs;

namespace Analytics.Api.Features.Operations.Shared;

/// <summary>
/// The generic job object of API.md §4.9 (`/admin/jobs`, and the 202 body of every operator action): refresh jobs and batch runs
/// (recalculation, retraining) in one shape. Stored states map to `status`: a batch run not yet started is `queued`,
/// `abandoned` is `failed`.
/// </summary>
public sealed record OperatorJob(
    string JobId,
    string Type,
    string Status,
    int Progress,
    string Stage,
    string Trigger,
    string? RequestedBy,
    JsonObject Parameters,
    JobCounters Counters,
    DateTimeOffset CreatedAt,
    DateTimeOffset? StartedAt,
    DateTimeOffset? CompletedAt,
    JobError? Error);
