namespace Analytics.Api.Shared.Http;

/// <summary>The answer of one counted request: whether it fits the window, what is left and when the window ends (seconds).</summary>
public sealed record RateDecision(bool Allowed, int Remaining, int ResetSeconds);
