namespace Analytics.Api.Features.LearnerAnalytics.Shared;

/// <summary>One weekly point of `velocityHistory`.</summary>
public sealed record VelocityPoint(DateOnly Date, int Velocity);
