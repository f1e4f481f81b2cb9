using System.Text.Json.Nodes;

namespace Analytics.Api.Shared.Sources.Upstream.Contracts;

/// <summary>Directory `GET /organizations` (platform): `settings.timezone` is the time zone; the other settings keys are stored as they are.</summary>
public sealed record OrganizationItem(string? Id, string? Name, JsonObject? Settings, DateTimeOffset? UpdatedAt, DateTimeOffset? DeletedAt);
