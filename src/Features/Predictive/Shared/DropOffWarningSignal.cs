namespace Analytics.Api.Features.Predictive.Shared;

/// <summary>A `warningSignals[]` row (ANALYTICS.md §5.1): severity High|Medium|Low, impact = severity.</summary>
public sealed record DropOffWarningSignal(string Type, string Severity, string Description, string Impact, string? Duration);
