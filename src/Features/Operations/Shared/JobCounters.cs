namespace Analytics.Api.Features.Operations.Shared;

/// <summary>`counters` of a job: subjects (batch runs) or analytics (refresh jobs) in all, done, and failed.</summary>
public sealed record JobCounters(int Total, int Processed, int Failed);
