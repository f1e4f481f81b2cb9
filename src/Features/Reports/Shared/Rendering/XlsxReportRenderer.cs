using System.Globalization;
using ClosedXML.Excel;

namespace Analytics.Api.Features.Reports.Shared.Rendering;

/// <summary>Excel of API.md §4.7: sheet `Summary` plus one sheet per analytic with the CSV's columns, numbers as numbers.</summary>
public sealed class XlsxReportRenderer : IReportRenderer
{
    private static readonly string[] Columns = ["analytic", "section", "metric", "dimension", "value", "unit", "computedAt"];

    public string Format => ReportFormats.Xlsx;

    public byte[] Render(ReportContent content)
    {
        using var workbook = new XLWorkbook();
        var summary = workbook.Worksheets.Add("Summary");
        var report = content.Report;
        string[][] facts =
        [
            ["Title", report.Title],
            ["Subject", $"{content.SubjectName} ({report.SubjectId})"],
            ["Type", report.SubjectType],
            ["Active role", report.Role],
            ["Period", $"{content.Parameters.From:yyyy-MM-dd} – {content.Parameters.To:yyyy-MM-dd} ({content.Parameters.TimeZone})"],
            ["Generated", content.GeneratedAt.ToString("yyyy-MM-dd HH:mm 'UTC'", CultureInfo.InvariantCulture)],
        ];
        for (var i = 0; i < facts.Length; i++)
        {
            summary.Cell(i + 1, 1).Value = facts[i][0];
            summary.Cell(i + 1, 1).Style.Font.Bold = true;
            summary.Cell(i + 1, 2).Value = facts[i][1];
        }

        var header = facts.Length + 2;
        string[] sectionColumns = ["analytic", "computedAt", "staleness", "source", "degraded", "metrics", "note"];
        for (var c = 0; c < sectionColumns.Length; c++)
        {
            summary.Cell(header, c + 1).Value = sectionColumns[c];
            summary.Cell(header, c + 1).Style.Font.Bold = true;
            summary.Cell(header, c + 1).Style.Fill.BackgroundColor = XLColor.FromHtml("#1F4E79");
            summary.Cell(header, c + 1).Style.Font.FontColor = XLColor.White;
        }

        var used = new HashSet<string>(StringComparer.OrdinalIgnoreCase) { "Summary" };
        for (var i = 0; i < content.Sections.Count; i++)
        {
            var section = content.Sections[i];
            var rows = MetricRows.Of(section);
            var r = header + 1 + i;
            summary.Cell(r, 1).Value = section.Analytic;
            summary.Cell(r, 2).Value = section.ComputedAt?.ToString("yyyy-MM-ddTHH:mm:ssZ", CultureInfo.InvariantCulture) ?? string.Empty;
            summary.Cell(r, 3).Value = section.Envelope is null ? "unavailable" : section.IsStale ? "stale" : "fresh";
            summary.Cell(r, 4).Value = section.Source ?? string.Empty;
            summary.Cell(r, 5).Value = section.Degraded ? "yes" : "no";
            summary.Cell(r, 6).Value = rows.Count;
            summary.Cell(r, 7).Value = section.Unavailable ?? string.Empty;
            AddAnalyticSheet(workbook, SheetName(section.Analytic, used), rows);
        }

        summary.Column(1).Width = 22;
        summary.Column(2).Width = 48;
        using var buffer = new MemoryStream();
        workbook.SaveAs(buffer);
        return buffer.ToArray();
    }

    private static void AddAnalyticSheet(XLWorkbook workbook, string name, IReadOnlyList<MetricRow> rows)
    {
        var sheet = workbook.Worksheets.Add(name);
        for (var c = 0; c < Columns.Length; c++)
        {
            sheet.Cell(1, c + 1).Value = Columns[c];
            sheet.Cell(1, c + 1).Style.Font.Bold = true;
        }

        for (var i = 0; i < rows.Count; i++)
        {
            var row = rows[i];
            var r = i + 2;
            sheet.Cell(r, 1).Value = row.Analytic;
            sheet.Cell(r, 2).Value = row.Section;
            sheet.Cell(r, 3).Value = row.Metric;
            sheet.Cell(r, 4).Value = row.Dimension;
            if (double.TryParse(row.Value, NumberStyles.Float, CultureInfo.InvariantCulture, out var number))
            {
                sheet.Cell(r, 5).Value = number;
            }
            else
            {
                sheet.Cell(r, 5).Value = row.Value;
            }

            sheet.Cell(r, 6).Value = row.Unit;
            sheet.Cell(r, 7).Value = row.ComputedAt;
        }

        sheet.SheetView.FreezeRows(1);
        sheet.Column(2).Width = 28;
        sheet.Column(3).Width = 24;
        sheet.Column(4).Width = 24;
    }

    /// <summary>Excel sheet names: at most 31 characters, none of []:*?/\, unique.</summary>
    private static string SheetName(string analytic, HashSet<string> used)
    {
        var name = new string(analytic.Where(c => !"[]:*?/\\".Contains(c)).ToArray());
        name = name.Length > 31 ? name[..31] : name;
        var candidate = name;
        for (var n = 2; !used.Add(candidate); n++)
        {
            candidate = $"{name[..Math.Min(name.Length, 28)]}-{n}";
        }

        return candidate;
    }
}
