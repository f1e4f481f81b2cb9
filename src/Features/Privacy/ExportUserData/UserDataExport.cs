using System.Text.Json.Nodes;

namespace Analytics.Api.Features.Privacy.ExportUserData;

/// <summary>The archive `{exportedAt, user, &lt;table&gt;: []}` and what the endpoint needs for its file name.</summary>
public sealed record UserDataExport(string UserId, DateTimeOffset ExportedAt, JsonObject Archive);
