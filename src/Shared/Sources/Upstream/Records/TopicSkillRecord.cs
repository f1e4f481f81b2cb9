namespace Analytics.Api.Shared.Sources.Upstream.Records;

/// <summary>A row of lrs.topic_skills: a skill a topic (module) teaches.</summary>
public readonly record struct TopicSkillRecord(string TopicId, string SkillId);
