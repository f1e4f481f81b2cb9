namespace Analytics.Api.Features.Reports.Shared;

/// <summary>'rpt_' + a ULID (DATA_MODEL.md §0), from the same ULID source as job ids, so report ids sort by creation time.</summary>
public static class ReportIds
{
    public static string New(DateTimeOffset now) => "rpt_" + Ulid.NewUlid(now);

    public static string NewSchedule(DateTimeOffset now) => "sch_" + Ulid.NewUlid(now);
}
