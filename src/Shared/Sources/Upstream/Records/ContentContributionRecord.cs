namespace Analytics.Api.Shared.Sources.Upstream.Records;

/// <summary>A row of lrs.content_contributions: content a learner created or shared.</summary>
public readonly record struct ContentContributionRecord(string UserId, string ContentItemId, string Kind, DateTimeOffset At);
