namespace Analytics.Api.Features.Privacy.EraseUser;

/// <summary>The optional body `{confirm}` (the query parameter `confirm` wins when both are given).</summary>
public sealed record EraseUserRequest(string? Confirm);
