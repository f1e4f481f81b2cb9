using System.Globalization;
using Analytics.Api.Shared.Analytics;
using Analytics.Api.Shared.Auth;
using Analytics.Api.Shared.Behaviours;
using Analytics.Api.Shared.Freshness;
using Mediator;

namespace Analytics.Api.Features.LearnerAnalytics.Shared;

/// <summary>
/// `GET /learner/analytics/content-effectiveness/{userId}?courseId=&amp;contentType=&amp;creationMethod=&amp;from=&amp;to=`
/// (API.md §4.1; ANALYTICS.md §1.6). Empty values count as absent.
/// </summary>
public sealed record ContentEffectivenessQuery(
    string UserId, string? CourseId, string? ContentType, string? CreationMethod, string? From, string? To)
    : IQuery<AnalyticResult<ContentEffectivenessPayload>>, ISubjectScoped, ICacheableQuery
{
    public static readonly IReadOnlyList<string> ContentTypes = ["video", "article", "interactive", "quiz", "forum", "resource", "other"];

    public static readonly IReadOnlyList<string> CreationMethods = ["manual", "ai"];

    /// <summary>The period when neither bound is given: the last 90 days (API.md §4.1).</summary>
    public const int DefaultPeriodDays = 90;

    /// <summary>The longest period, counted in days including both bounds.</summary>
    public const int MaxPeriodDays = 366;

    public SubjectArea Area => SubjectArea.LearnerAnalytics;

    public string SubjectId => UserId;

    public string? EffectiveCourseId => NullIfEmpty(CourseId);

    public string? EffectiveContentType => NullIfEmpty(ContentType);

    public string? EffectiveCreationMethod => NullIfEmpty(CreationMethod);

    public DateOnly? FromDate => ParseDate(From);

    public DateOnly? ToDate => ParseDate(To);

    public string CacheKey =>
        $"analytics:learner:{UserId}:learner:content-effectiveness"
        + Part("courseId", EffectiveCourseId) + Part("contentType", EffectiveContentType) + Part("creationMethod", EffectiveCreationMethod)
        + Part("from", NullIfEmpty(From)) + Part("to", NullIfEmpty(To));

    public CacheCategory Category => CacheCategory.Learner;

    public bool IsFiltered =>
        EffectiveCourseId is not null || EffectiveContentType is not null || EffectiveCreationMethod is not null
        || NullIfEmpty(From) is not null || NullIfEmpty(To) is not null;

    public SnapshotKey? Snapshot => IsFiltered ? null : SnapshotKey.Learner(UserId, "content-effectiveness");

    /// <summary>A calendar date as API.md §1.1 writes it (`YYYY-MM-DD`); null when absent or malformed.</summary>
    public static DateOnly? ParseDate(string? value) =>
        DateOnly.TryParseExact(value, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var date) ? date : null;

    private static string? NullIfEmpty(string? value) => string.IsNullOrEmpty(value) ? null : value;

    private static string Part(string name, string? value) => value is null ? string.Empty : $":{name}={value}";
}
