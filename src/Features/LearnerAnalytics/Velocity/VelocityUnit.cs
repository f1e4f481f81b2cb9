using Analytics.Api.Features.LearnerAnalytics.Shared;
namespace Analytics.Api.Features.LearnerAnalytics.Velocity;

/// <summary>A progress unit of a course and the local day it was first completed (ANALYTICS.md §0.4).</summary>
public sealed record VelocityUnit(string CourseId, DateOnly FirstCompletedOn);
