using System.Text.Json.Nodes;
using Microsoft.AspNetCore.OpenApi;
using Microsoft.OpenApi;

namespace Analytics.Api.Shared.Hosting;

/// <summary>
/// The rules of the request bodies (API.md §2.2, §4.6–§4.9) on their schemas: required fields, enums, lengths and descriptions.
/// The records bind every field as nullable so the validators can answer one 400 with every broken rule; the contract lives here.
/// </summary>
public sealed class OpenApiRequestBodies : IOpenApiSchemaTransformer
{
    private static readonly string[] AnalyticsFamilies = ["learner", "trainer", "org-admin"];

    // Body type (full name without the Analytics.Api.Features prefix) → property → rule.
    private static readonly Dictionary<string, (string[] Required, Dictionary<string, Rule> Properties)> Bodies = new()
    {
        ["Auth.Login.LoginRequest"] = (["email", "password"], new()
        {
            ["email"] = new("E-mail address (case-insensitive).", MaxLength: 254, Format: "email"),
            ["password"] = new("The password.", MinLength: 1, MaxLength: 128),
        }),
        ["Auth.Refresh.RefreshRequest"] = (["refreshToken"], new()
        {
            ["refreshToken"] = new("The refresh token of the last login or refresh (single use).", MinLength: 20, MaxLength: 200),
        }),
        ["Auth.Logout.LogoutRequest"] = ([], new()
        {
            ["refreshToken"] = new("Also revoke this refresh token's family (ignored when it belongs to another user).", MaxLength: 200),
        }),
        ["Refresh.RequestRefresh.RefreshRequest"] = ([], new()
        {
            ["userId"] = new("Required (or an alias): the learner's user id for `role: learner`, the trainer's for `trainer`, the organisation id for `org-admin`.", Pattern: OpenApiParameters.IdPattern),
            ["user_id"] = new("Alias of `userId`.", Pattern: OpenApiParameters.IdPattern),
            ["subjectId"] = new("Alias of `userId`.", Pattern: OpenApiParameters.IdPattern),
            ["role"] = new("The analytics family to recompute (default: the active role); `org_admin` accepted.", Enum: [.. AnalyticsFamilies, "org_admin"]),
            ["analytics"] = new("An array of 1–25 analytic ids of that family (API.md §4.0; default: all), or a role name meaning all analytics of that family."),
        }),
        ["Reports.GenerateReport.GenerateReportRequest"] = (["type", "format"], new()
        {
            ["type"] = new("The report type; `organization` and `org-admin` are accepted for `organisation`.", Enum: ["learner", "trainer", "organisation", "organization", "org-admin"]),
            ["format"] = new("The file format; `excel` is accepted for `xlsx`.", Enum: ["pdf", "csv", "xlsx", "json", "excel"]),
            ["userId"] = new("The subject (default: the caller, or the caller's organisation for `organisation`).", Pattern: OpenApiParameters.IdPattern),
            ["user_id"] = new("Alias of `userId`.", Pattern: OpenApiParameters.IdPattern),
            ["subjectId"] = new("Alias of `userId`.", Pattern: OpenApiParameters.IdPattern),
            ["templateId"] = new("A template of GET /reports/templates (default: the type's default template).", Pattern: OpenApiParameters.IdPattern),
            ["analytics"] = new("1–25 analytic ids of the type's family (default: the template's).", MaxItems: 25),
            ["from"] = new("First day (default: 30 days before `to`; span ≤ 366 days).", Format: "date"),
            ["to"] = new("Last day (default: today).", Format: "date"),
            ["title"] = new("Default: \"<Type> report — <subject name>\".", MaxLength: 120),
            ["timeZone"] = new("IANA time zone (default: the caller's).", MaxLength: 64),
        }),
        ["Reports.CreateSchedule.CreateScheduleRequest"] = (["name", "type", "format", "cron"], new()
        {
            ["name"] = new("The schedule's name.", MaxLength: 80),
            ["type"] = new("As for POST /reports/generate.", Enum: ["learner", "trainer", "organisation", "organization", "org-admin"]),
            ["format"] = new("As for POST /reports/generate.", Enum: ["pdf", "csv", "xlsx", "json", "excel"]),
            ["userId"] = new("As for POST /reports/generate.", Pattern: OpenApiParameters.IdPattern),
            ["user_id"] = new("Alias of `userId`.", Pattern: OpenApiParameters.IdPattern),
            ["subjectId"] = new("Alias of `userId`.", Pattern: OpenApiParameters.IdPattern),
            ["templateId"] = new("As for POST /reports/generate.", Pattern: OpenApiParameters.IdPattern),
            ["analytics"] = new("As for POST /reports/generate.", MaxItems: 25),
            ["cron"] = new("5-field Unix cron (minute hour day-of-month month day-of-week) or `@daily`/`@weekly`/`@monthly`; at most 24 runs a day.", MaxLength: 100),
            ["timeZone"] = new("IANA time zone of the cron (default: the caller's).", MaxLength: 64),
            ["period"] = new("The period each run covers.", Enum: ["last-7-days", "last-30-days", "last-90-days", "previous-month", "previous-quarter"], Default: "last-30-days"),
            ["enabled"] = new("Whether the schedule runs.", Default: true),
        }),
        ["Reports.CreateSchedule.DeliveryRequest"] = ([], new()
        {
            ["channel"] = new("Where each run goes; a channel the server has not enabled answers 400 on `delivery.channel`.", Enum: ["store", "email", "webhook"], Default: "store"),
            ["recipients"] = new("E-mail only, 1–10: the caller's own address; an org-admin may add addresses of members.", MaxItems: 10),
            ["webhookUrl"] = new("Webhook only: an `https` URL whose host is in Reports:Delivery:Webhook:AllowedHosts.", Format: "uri"),
        }),
        ["Privacy.UpdatePreferences.UpdatePreferencesRequest"] = (["leaderboardPrivacy", "predictiveOptOut"], new()
        {
            ["leaderboardPrivacy"] = new("How the user appears on leaderboards.", Enum: ["public", "anonymous", "hidden"]),
            ["predictiveOptOut"] = new("Opt out of individual predictions."),
        }),
        ["Privacy.EraseUser.EraseUserRequest"] = ([], new()
        {
            ["confirm"] = new("Must equal the path's `userId` (or send `?confirm=`).", Pattern: OpenApiParameters.IdPattern),
        }),
        ["Operations.StartSync.StartSyncRequest"] = ([], new()
        {
            ["upstreams"] = new("Upstream names (API.md §4.9; default: every enabled one).", MaxItems: 9),
            ["organisationId"] = new("Only this organisation.", Pattern: OpenApiParameters.IdPattern),
            ["mode"] = new("Incremental or full.", Enum: ["incremental", "full"], Default: "incremental"),
        }),
        ["Operations.StartRecalculation.StartRecalculationRequest"] = ([], new()
        {
            ["organisationId"] = new("Only this organisation (default: all).", Pattern: OpenApiParameters.IdPattern),
            ["analytics"] = new("Only these analytic ids (default: all).", MaxItems: 25),
        }),
        ["Predictive.RetrainModels.RetrainModelsRequest"] = (["analytic"], new()
        {
            ["analytic"] = new("The model's analytic (the only value).", Enum: ["drop-off-risk"]),
            ["organisationId"] = new("Only this organisation (omit = every organisation).", Pattern: OpenApiParameters.IdPattern),
        }),
    };

    public Task TransformAsync(OpenApiSchema schema, OpenApiSchemaTransformerContext context, CancellationToken cancellationToken)
    {
        var type = context.JsonTypeInfo.Type;
        if (context.JsonPropertyInfo is not null || type.FullName is not { } fullName
            || !fullName.StartsWith("Analytics.Api.Features.", StringComparison.Ordinal)
            || !Bodies.TryGetValue(fullName["Analytics.Api.Features.".Length..], out var body))
        {
            return Task.CompletedTask;
        }

        // `subject` is the records' computed alias resolution, never sent.
        schema.Properties?.Remove("subject");
        schema.Required = new HashSet<string>(body.Required);
        foreach (var (name, rule) in body.Properties)
        {
            if (schema.Properties?.TryGetValue(name, out var property) != true || property is not OpenApiSchema inline)
            {
                continue;
            }

            inline.Description = rule.Description;
            inline.MaxLength = rule.MaxLength ?? inline.MaxLength;
            inline.MinLength = rule.MinLength ?? inline.MinLength;
            inline.MaxItems = rule.MaxItems ?? inline.MaxItems;
            inline.Pattern = rule.Pattern ?? inline.Pattern;
            inline.Format = rule.Format ?? inline.Format;
            if (rule.Enum is { } values)
            {
                inline.Enum = values.Select(value => (JsonNode)JsonValue.Create(value)).ToList();
            }

            inline.Default = rule.Default switch
            {
                string text => JsonValue.Create(text),
                bool flag => JsonValue.Create(flag),
                _ => inline.Default,
            };
        }

        return Task.CompletedTask;
    }

    private sealed record Rule(
        string Description,
        int? MaxLength = null,
        int? MinLength = null,
        int? MaxItems = null,
        string? Pattern = null,
        string? Format = null,
        string[]? Enum = null,
        object? Default = null);
}
