namespace Analytics.Api.Features.Predictive.Forecast;

/// <summary>
/// `Analytics:Forecast:*` with the defaults of ANALYTICS.md §5.2, and the scored population's `Analytics:DropOff:MinDaysSinceStart`
/// (§5.1, which both predictive analytics share).
/// </summary>
public sealed record ForecastSettings(
    double BaselineHours = 5,
    double DefaultSigma = 15,
    double AccuracyBand = 10,
    int MinDaysSinceStart = 7,
    double DefaultPassThreshold = 70)
{
    public static ForecastSettings From(IConfiguration configuration)
    {
        var section = configuration.GetSection("Analytics:Forecast");
        var defaults = new ForecastSettings();
        return new ForecastSettings(
            section.GetValue("BaselineHours", defaults.BaselineHours),
            section.GetValue("DefaultSigma", defaults.DefaultSigma),
            section.GetValue("AccuracyBand", defaults.AccuracyBand),
            configuration.GetValue("Analytics:DropOff:MinDaysSinceStart", defaults.MinDaysSinceStart),
            defaults.DefaultPassThreshold);
    }
}
