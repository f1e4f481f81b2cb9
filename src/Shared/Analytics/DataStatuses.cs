namespace Analytics.Api.Shared.Analytics;

public static class DataStatuses
{
    public const string Ok = "ok";
    public const string Partial = "partial";
    public const string NoData = "no-data";
}
