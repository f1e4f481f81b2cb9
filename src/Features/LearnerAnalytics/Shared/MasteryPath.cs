namespace Analytics.Api.Features.LearnerAnalytics.Shared;

/// <summary>One `paths[]` entry: the share of the path's skills mastered (null when its topics teach no skill).</summary>
public sealed record MasteryPath(string PathId, string Title, double? Mastery);
