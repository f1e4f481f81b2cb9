namespace Analytics.Api.Features.Reports.Shared;

/// <summary>
/// A test seam around rendering: tests hold a report in `running` (a render that takes as long as they like) to prove the
/// request thread never waits for it. Unset in production.
/// </summary>
public sealed class ReportRenderHooks
{
    public Func<ReportRow, CancellationToken, Task>? BeforeRender { get; set; }
}
