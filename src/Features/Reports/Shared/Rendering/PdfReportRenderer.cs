using System.Globalization;
using PdfSharp.Drawing;
using PdfSharp.Pdf;

namespace Analytics.Api.Features.Reports.Shared.Rendering;

/// <summary>
/// PDF of API.md §4.7 (PDFsharp, A4): a cover (title, subject, active role, period, generation time, contents), then one section
/// per analytic with its computedAt / staleness / source / degraded flags, its headline figures, its main trend as a chart and
/// every other figure in a table.
/// </summary>
public sealed class PdfReportRenderer : IReportRenderer
{
    private const double Margin = 48;
    private const int MaxDetailRows = 120;

    private static readonly XColor Navy = XColor.FromArgb(31, 78, 121);
    private static readonly XColor Sky = XColor.FromArgb(221, 235, 247);
    private static readonly XColor Amber = XColor.FromArgb(191, 120, 0);

    public string Format => ReportFormats.Pdf;

    public byte[] Render(ReportContent content)
    {
        DejaVuFontResolver.Install();
        using var document = new PdfDocument();
        document.Info.Title = content.Report.Title;
        document.Info.Author = "Learning Analytics";
        document.Info.Subject = $"{content.Report.SubjectType} report for {content.Report.SubjectId}";
        Cover(document, content);
        foreach (var section in content.Sections)
        {
            Section(document, content, section);
        }

        using var buffer = new MemoryStream();
        document.Save(buffer, false);
        return buffer.ToArray();
    }

    private static void Cover(PdfDocument document, ReportContent content)
    {
        var page = NewPage(document);
        using var gfx = XGraphics.FromPdfPage(page);
        var width = page.Width.Point;
        gfx.DrawRectangle(new XSolidBrush(Navy), 0, 0, width, 220);
        gfx.DrawString("LEARNING ANALYTICS REPORT", Font(10, bold: true), XBrushes.White, Margin, 70);
        var y = 110.0;
        foreach (var line in Wrap(content.Report.Title, 40))
        {
            gfx.DrawString(line, Font(24, bold: true), XBrushes.White, Margin, y);
            y += 30;
        }

        y = 270;
        var report = content.Report;
        string[][] facts =
        [
            ["Subject", $"{content.SubjectName} ({report.SubjectId})"],
            ["Report type", ReportTypes.Name(report.SubjectType)],
            ["Active role", report.Role],
            ["Period", $"{content.Parameters.From:yyyy-MM-dd} to {content.Parameters.To:yyyy-MM-dd} ({content.Parameters.TimeZone})"],
            ["Generated", content.GeneratedAt.ToString("yyyy-MM-dd HH:mm 'UTC'", CultureInfo.InvariantCulture)],
            ["Report id", report.Id],
        ];
        foreach (var fact in facts)
        {
            gfx.DrawString(fact[0], Font(10, bold: true), new XSolidBrush(Navy), Margin, y);
            gfx.DrawString(fact[1], Font(11), XBrushes.Black, Margin + 110, y);
            y += 22;
        }

        y += 24;
        gfx.DrawString("Contents", Font(14, bold: true), new XSolidBrush(Navy), Margin, y);
        y += 22;
        for (var i = 0; i < content.Sections.Count; i++)
        {
            var section = content.Sections[i];
            gfx.DrawString($"{i + 1}. {Title(section.Analytic)}", Font(11), XBrushes.Black, Margin + 10, y);
            var status = section.Envelope is null ? "unavailable"
                : $"{section.ComputedAt:yyyy-MM-dd HH:mm} · {(section.IsStale ? "stale" : "fresh")}{(section.Degraded ? " · degraded" : string.Empty)}";
            gfx.DrawString(status, Font(9), section.IsStale || section.Envelope is null ? new XSolidBrush(Amber) : XBrushes.DimGray,
                Margin + 250, y);
            y += 18;
        }

        Footer(gfx, page, content, 1);
    }

    private static void Section(PdfDocument document, ReportContent content, ReportSection section)
    {
        var page = NewPage(document);
        var gfx = XGraphics.FromPdfPage(page);
        var width = page.Width.Point;
        gfx.DrawRectangle(new XSolidBrush(Navy), 0, 0, width, 70);
        gfx.DrawString(Title(section.Analytic), Font(18, bold: true), XBrushes.White, Margin, 44);
        var y = 96.0;
        gfx.DrawString(Freshness(section), Font(9), section.IsStale || section.Degraded ? new XSolidBrush(Amber) : XBrushes.DimGray, Margin, y);
        y += 22;
        if (section.Envelope is null)
        {
            gfx.DrawString("Not available: " + section.Unavailable, Font(11), XBrushes.Black, Margin, y);
            Footer(gfx, page, content, document.PageCount);
            gfx.Dispose();
            return;
        }

        var rows = MetricRows.Of(section);
        var headline = rows.Where(r => r.Section == "summary").ToArray();
        if (headline.Length > 0)
        {
            gfx.DrawString("Headline figures", Font(13, bold: true), new XSolidBrush(Navy), Margin, y);
            y += 8;
            var column = (width - 2 * Margin) / 2;
            for (var i = 0; i < headline.Length; i++)
            {
                var x = Margin + (i % 2) * column;
                if (i % 2 == 0)
                {
                    y += 20;
                    gfx.DrawRectangle(new XSolidBrush(Sky), Margin, y - 14, width - 2 * Margin, 19);
                }

                gfx.DrawString(headline[i].Metric, Font(9), XBrushes.DimGray, x + 6, y);
                gfx.DrawString($"{headline[i].Value} {headline[i].Unit}".Trim(), Font(10, bold: true), XBrushes.Black, x + column - 100, y);
            }

            y += 24;
        }

        if (ReportCharts.Trend(section, 1000, 420) is { } chart)
        {
            using var stream = new MemoryStream(chart.Png);
            using var image = XImage.FromStream(stream);
            var chartWidth = width - 2 * Margin;
            gfx.DrawImage(image, Margin, y, chartWidth, chartWidth * 0.42);
            y += chartWidth * 0.42 + 16;
        }

        var details = rows.Where(r => r.Section != "summary").Take(MaxDetailRows).ToArray();
        if (details.Length > 0)
        {
            gfx.DrawString("Details", Font(13, bold: true), new XSolidBrush(Navy), Margin, y);
            y += 18;
            foreach (var row in details)
            {
                if (y > page.Height.Point - 70)
                {
                    Footer(gfx, page, content, document.PageCount);
                    gfx.Dispose();
                    page = NewPage(document);
                    gfx = XGraphics.FromPdfPage(page);
                    gfx.DrawString(Title(section.Analytic) + " (continued)", Font(12, bold: true), new XSolidBrush(Navy), Margin, 60);
                    y = 84;
                }

                gfx.DrawString(Clip(row.Section, 30), Font(8), XBrushes.DimGray, Margin, y);
                gfx.DrawString(Clip(row.Dimension, 28), Font(8), XBrushes.DimGray, Margin + 150, y);
                gfx.DrawString(Clip(row.Metric, 26), Font(8), XBrushes.Black, Margin + 290, y);
                gfx.DrawString($"{row.Value} {row.Unit}".Trim(), Font(8, bold: true), XBrushes.Black, Margin + 420, y);
                y += 13;
            }
        }

        Footer(gfx, page, content, document.PageCount);
        gfx.Dispose();
    }

    private static PdfPage NewPage(PdfDocument document)
    {
        var page = document.AddPage();
        page.Width = XUnit.FromMillimeter(210);
        page.Height = XUnit.FromMillimeter(297);
        return page;
    }

    private static void Footer(XGraphics gfx, PdfPage page, ReportContent content, int number)
    {
        var y = page.Height.Point - 30;
        gfx.DrawLine(new XPen(XColors.LightGray, 0.5), Margin, y - 12, page.Width.Point - Margin, y - 12);
        gfx.DrawString(Clip(content.Report.Title, 70), Font(8), XBrushes.Gray, Margin, y);
        gfx.DrawString($"Page {number}", Font(8), XBrushes.Gray, page.Width.Point - Margin - 40, y);
    }

    private static string Freshness(ReportSection section) => section.Envelope is null
        ? "unavailable"
        : $"computed {section.ComputedAt:yyyy-MM-dd HH:mm} UTC · {(section.IsStale ? "stale" : "fresh")} · source {section.Source} · "
          + (section.Degraded ? "degraded" : "not degraded");

    private static string Title(string analytic) =>
        string.Join(' ', analytic.Split('-').Select(w => w.Length == 0 ? w : char.ToUpperInvariant(w[0]) + w[1..]));

    private static XFont Font(double size, bool bold = false) =>
        new(DejaVuFontResolver.Family, size, bold ? XFontStyleEx.Bold : XFontStyleEx.Regular);

    private static string Clip(string text, int length) => text.Length <= length ? text : text[..(length - 1)] + "…";

    private static IEnumerable<string> Wrap(string text, int width)
    {
        var line = string.Empty;
        foreach (var word in text.Split(' '))
        {
            if (line.Length > 0 && line.Length + word.Length + 1 > width)
            {
                yield return line;
                line = word;
            }
            else
            {
                line = line.Length == 0 ? word : line + " " + word;
            }
        }

        if (line.Length > 0)
        {
            yield return line;
        }
    }
}
