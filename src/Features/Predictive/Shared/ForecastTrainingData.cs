namespace Analytics.Api.Features.Predictive.Shared;

/// <summary>`trainingData` of a model card (API.md §4.4).</summary>
public sealed record ForecastTrainingData(DateOnly? From, DateOnly? To, int? Enrolments, int? Positives);
