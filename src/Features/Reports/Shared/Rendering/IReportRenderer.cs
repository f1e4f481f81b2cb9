namespace Analytics.Api.Features.Reports.Shared.Rendering;

/// <summary>Writes a report's content in one download format of API.md §4.7.</summary>
public interface IReportRenderer
{
    string Format { get; }

    byte[] Render(ReportContent content);
}
