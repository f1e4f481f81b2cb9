using System.Globalization;
using Analytics.Api.Shared.Analytics;

namespace Analytics.Api.Features.Reports.Shared;

/// <summary>The rules a generate body and a schedule body share (API.md §4.7): type, format, template, analytics, dates, zone.</summary>
public static class ReportRequestRules
{
    public const int MaxAnalytics = 25;
    public const int MaxSpanDays = 366;

    public static string? Type(string? type) => type?.Trim().ToLowerInvariant() switch
    {
        ReportTypes.Learner => ReportTypes.Learner,
        ReportTypes.Trainer => ReportTypes.Trainer,
        ReportTypes.Organisation or "organization" => ReportTypes.Organisation,
        _ => null,
    };

    public static bool TemplateFits(string? templateId, string? type) =>
        templateId is null || (ReportTemplates.Find(templateId) is { } template && (Type(type) is not { } t || template.Type == t));

    public static bool AnalyticFits(string? type, string? id) =>
        id is not null && Type(type) is { } t && ReportTypes.Canonical(t, id) is not null;

    public static bool IsDate(string? value) =>
        value is null || DateOnly.TryParseExact(value, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out _);

    public static DateOnly? Date(string? value) =>
        DateOnly.TryParseExact(value, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var date) ? date : null;

    public static bool IsTimeZone(string? zone) => zone is null || TimeZones.Valid(zone) is not null;
}
