using System.Globalization;
using System.Text.Json;
using System.Text.Json.Nodes;
using ScottPlot;

namespace Analytics.Api.Features.Reports.Shared.Rendering;

/// <summary>
/// The main trend of an analytic as a PNG (ScottPlot): its first dated history (an array of items carrying a date and a number),
/// else a bar chart of its headline figures; null when it has neither.
/// </summary>
public static class ReportCharts
{
    private static readonly string[] DateKeys = ["date", "week", "weekStart", "month", "period"];

    static ReportCharts() => Fonts.Default = DejaVuFontResolver.Family;

    public static (string Title, byte[] Png)? Trend(ReportSection section, int width, int height)
    {
        if (section.Data is not { } data)
        {
            return null;
        }

        foreach (var (key, value) in data)
        {
            if (value is JsonArray array && Series(array) is { } series && series.Dates.Length >= 2)
            {
                var plot = new Plot();
                var line = plot.Add.Scatter(series.Dates.Select(d => d.ToOADate()).ToArray(), series.Values);
                line.LineWidth = 2;
                line.MarkerSize = 4;
                line.Color = new Color(31, 78, 121);
                plot.Axes.DateTimeTicksBottom();
                var title = $"{key} — {series.Metric}";
                plot.Title(title);
                return (title, plot.GetImageBytes(width, height, ImageFormat.Png));
            }
        }

        var headline = MetricRows.Of(section).Where(r => r.Section == "summary").Take(8).ToArray();
        if (headline.Length < 2)
        {
            return null;
        }

        var bars = new Plot();
        var values = headline.Select(r => double.Parse(r.Value, CultureInfo.InvariantCulture)).ToArray();
        bars.Add.Bars(values);
        bars.Axes.Bottom.SetTicks(Enumerable.Range(0, values.Length).Select(i => (double)i).ToArray(), headline.Select(r => r.Metric).ToArray());
        bars.Axes.Bottom.TickLabelStyle.Rotation = 20;
        bars.Axes.Bottom.TickLabelStyle.Alignment = Alignment.MiddleLeft;
        bars.Title("Headline figures");
        return ("Headline figures", bars.GetImageBytes(width, height, ImageFormat.Png));
    }

    private static (DateTime[] Dates, double[] Values, string Metric)? Series(JsonArray array)
    {
        if (array.Count < 2 || array[0] is not JsonObject first)
        {
            return null;
        }

        var dateKey = DateKeys.FirstOrDefault(k => first[k] is JsonValue v && v.GetValueKind() == JsonValueKind.String
                                                                             && DateTime.TryParse(v.GetValue<string>(), CultureInfo.InvariantCulture, out _));
        var metric = first.FirstOrDefault(p => p.Value is JsonValue v && v.GetValueKind() == JsonValueKind.Number).Key;
        if (dateKey is null || metric is null)
        {
            return null;
        }

        var points = array.OfType<JsonObject>()
            .Select(item => (
                Date: item[dateKey] is JsonValue d && DateTime.TryParse(d.GetValue<string>(), CultureInfo.InvariantCulture, out var date) ? date : (DateTime?)null,
                Value: item[metric] is JsonValue n && n.GetValueKind() == JsonValueKind.Number ? n.GetValue<double>() : (double?)null))
            .Where(p => p.Date is not null && p.Value is not null)
            .OrderBy(p => p.Date)
            .ToArray();
        return (points.Select(p => p.Date!.Value).ToArray(), points.Select(p => p.Value!.Value).ToArray(), metric);
    }
}
