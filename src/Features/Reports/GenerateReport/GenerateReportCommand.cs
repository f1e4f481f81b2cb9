using Analytics.Api.Features.Reports.Shared;
using Mediator;

namespace Analytics.Api.Features.Reports.GenerateReport;

/// <summary>`POST /reports/generate` (API.md §4.7): queues a report; the subject and each analytic are authorised in the handler.</summary>
public sealed record GenerateReportCommand(
    string? Type,
    string? Format,
    string? SubjectId,
    string? TemplateId,
    IReadOnlyList<string?>? Analytics,
    string? From,
    string? To,
    string? Title,
    string? TimeZone) : ICommand<ReportResource>, IReportContent;
