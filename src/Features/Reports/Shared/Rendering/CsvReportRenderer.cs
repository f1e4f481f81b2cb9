using System.Globalization;
using System.Text;
using CsvHelper;

namespace Analytics.Api.Features.Reports.Shared.Rendering;

/// <summary>CSV of API.md §4.7: UTF-8 with BOM, a header row, the long format of <see cref="MetricRow"/>.</summary>
public sealed class CsvReportRenderer : IReportRenderer
{
    public string Format => ReportFormats.Csv;

    public byte[] Render(ReportContent content)
    {
        using var buffer = new MemoryStream();
        using (var writer = new StreamWriter(buffer, new UTF8Encoding(encoderShouldEmitUTF8Identifier: true)))
        using (var csv = new CsvWriter(writer, CultureInfo.InvariantCulture))
        {
            csv.WriteField("analytic");
            csv.WriteField("section");
            csv.WriteField("metric");
            csv.WriteField("dimension");
            csv.WriteField("value");
            csv.WriteField("unit");
            csv.WriteField("computedAt");
            csv.NextRecord();
            foreach (var row in content.Sections.SelectMany(MetricRows.Of))
            {
                csv.WriteField(row.Analytic);
                csv.WriteField(row.Section);
                csv.WriteField(row.Metric);
                csv.WriteField(row.Dimension);
                csv.WriteField(row.Value);
                csv.WriteField(row.Unit);
                csv.WriteField(row.ComputedAt);
                csv.NextRecord();
            }
        }

        return buffer.ToArray();
    }
}
