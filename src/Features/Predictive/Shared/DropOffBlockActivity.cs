namespace Analytics.Api.Features.Predictive.Shared;

/// <summary>Events and minutes of one content type in one pattern block (0 = the block ending at asOf).</summary>
public sealed record DropOffBlockActivity(int Block, string Type, long Events, long Minutes, int MinuteRows);
