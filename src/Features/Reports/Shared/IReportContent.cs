namespace Analytics.Api.Features.Reports.Shared;

/// <summary>What a report and a schedule both name (API.md §4.7): type, format, subject, template and analytics.</summary>
public interface IReportContent
{
    string? Type { get; }

    string? Format { get; }

    string? SubjectId { get; }

    string? TemplateId { get; }

    IReadOnlyList<string?>? Analytics { get; }
}
