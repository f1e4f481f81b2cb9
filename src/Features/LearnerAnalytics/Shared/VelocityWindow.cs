namespace Analytics.Api.Features.LearnerAnalytics.Shared;

/// <summary>One entry of `timeWindows`: the window's score and its momentum.</summary>
public sealed record VelocityWindow(int Velocity, string Momentum);
