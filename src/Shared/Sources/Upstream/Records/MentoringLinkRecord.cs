namespace Analytics.Api.Shared.Sources.Upstream.Records;

/// <summary>A row of lrs.mentoring_links (DATA_MODEL.md §1.5), keyed by (mentor, mentee, started_on).</summary>
public readonly record struct MentoringLinkRecord(string MentorId, string MenteeId, DateOnly StartedOn, DateOnly? EndedOn);
