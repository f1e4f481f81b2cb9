namespace Analytics.Api.Shared.Sources.Demo;

/// <summary>Instants on a calendar day (every demo organisation is on UTC, so the local day is the UTC day).</summary>
public static class DemoTime
{
    public static DateTime At(DateOnly day, int minuteOfDay) =>
        DateTime.SpecifyKind(day.ToDateTime(TimeOnly.MinValue).AddMinutes(minuteOfDay), DateTimeKind.Utc);

    /// <summary>A random minute between the given hours (inclusive start, exclusive end).</summary>
    public static DateTime Between(DateOnly day, int fromHour, int toHour, ref Xoshiro256StarStar random) =>
        At(day, (fromHour * 60) + random.NextInt((toHour - fromHour) * 60));

    public static DateOnly Max(DateOnly a, DateOnly b) => a > b ? a : b;

    public static DateOnly Min(DateOnly a, DateOnly b) => a < b ? a : b;
}
