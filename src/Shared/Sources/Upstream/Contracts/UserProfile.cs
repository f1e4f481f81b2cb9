namespace Analytics.Api.Shared.Sources.Upstream.Contracts;

/// <summary>The profile of a Directory user: the time zone of the learner's local calendar.</summary>
public sealed record UserProfile(string? Timezone);
