namespace Analytics.Api.Features.TrainerAnalytics.Shared;

/// <summary>`dropOffAnalysis`: the share of enrolments withdrawn and the topics where withdrawn learners left.</summary>
public sealed record DropOffAnalysis(double? OverallDropOffRate, IReadOnlyList<DropOffPoint> DropOffPoints);
