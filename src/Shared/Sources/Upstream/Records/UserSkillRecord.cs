namespace Analytics.Api.Shared.Sources.Upstream.Records;

/// <summary>A row of lrs.user_skills (DATA_MODEL.md §1.4): level 0 (missing) … 4 (expert).</summary>
public readonly record struct UserSkillRecord(
    string UserId,
    string SkillId,
    short Level,
    bool Acquired,
    DateOnly? AcquiredOn,
    string? Method);
