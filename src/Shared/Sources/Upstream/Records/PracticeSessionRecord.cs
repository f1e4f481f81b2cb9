namespace Analytics.Api.Shared.Sources.Upstream.Records;

/// <summary>A row of lrs.practice_sessions (DATA_MODEL.md §1.5): a DevLab session on a topic or a skill.</summary>
public readonly record struct PracticeSessionRecord(
    string Id,
    string UserId,
    string? TopicId,
    string? SkillId,
    DateTimeOffset StartedAt,
    bool Passed,
    decimal? ScorePct,
    short Attempts);
