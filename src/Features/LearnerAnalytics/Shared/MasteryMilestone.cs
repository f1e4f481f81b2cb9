namespace Analytics.Api.Features.LearnerAnalytics.Shared;

/// <summary>One `milestones[]` entry; date = the first history day on which overall mastery reached the threshold.</summary>
public sealed record MasteryMilestone(string Id, string Name, double Threshold, bool Achieved, DateOnly? Date);
