using System.Globalization;

namespace Analytics.Api.Features.Predictive.Forecast;

/// <summary>The statistics of ANALYTICS.md §0.2 the forecast uses: OLS slopes, the population SD, ISO week labels.</summary>
public static class ForecastStatistics
{
    /// <summary>OLS slope of y on x = 0…n−1; needs n ≥ 3, else null.</summary>
    public static double? Slope(IReadOnlyList<double> values) =>
        Slope(values.Select((_, i) => (double)i).ToArray(), values);

    /// <summary>OLS slope of y on x; needs n ≥ 3 and some spread in x, else null.</summary>
    public static double? Slope(IReadOnlyList<double> x, IReadOnlyList<double> y)
    {
        ArgumentNullException.ThrowIfNull(x);
        ArgumentNullException.ThrowIfNull(y);
        var n = y.Count;
        if (n < 3 || x.Count != n)
        {
            return null;
        }

        var meanX = x.Average();
        var meanY = y.Average();
        double sxy = 0, sxx = 0;
        for (var i = 0; i < n; i++)
        {
            sxy += (x[i] - meanX) * (y[i] - meanY);
            sxx += (x[i] - meanX) * (x[i] - meanX);
        }

        return sxx == 0 ? null : sxy / sxx;
    }

    /// <summary>Population standard deviation; null for an empty list.</summary>
    public static double? PopulationSd(IReadOnlyList<double> values)
    {
        ArgumentNullException.ThrowIfNull(values);
        if (values.Count == 0)
        {
            return null;
        }

        var mean = values.Average();
        return Math.Sqrt(values.Sum(v => (v - mean) * (v - mean)) / values.Count);
    }

    /// <summary>The ISO week label of ANALYTICS.md §0.1, e.g. `2025-W47`.</summary>
    public static string IsoWeek(DateOnly day)
    {
        var date = day.ToDateTime(TimeOnly.MinValue);
        return string.Create(CultureInfo.InvariantCulture, $"{ISOWeek.GetYear(date)}-W{ISOWeek.GetWeekOfYear(date):00}");
    }
}
