using Analytics.Api.Features.Reports.Shared.Rendering;
using Analytics.Api.Features.Reports.Shared.Schedules;

namespace Analytics.Api.Features.Reports.Shared;

/// <summary>The report store, access check, queue, renderers, workers and schedules (API.md §4.7).</summary>
public static class ReportsSetup
{
    public static IServiceCollection AddReports(this IServiceCollection services)
    {
        services.AddSingleton<ReportQueueSignal>();
        services.AddSingleton<ReportStore>();
        services.AddSingleton<ReportRenderHooks>();
        services.AddScoped<ReportAccess>();
        services.AddScoped<ReportEnqueuer>();
        services.AddScoped<ReportContentCollector>();
        services.AddSingleton<IReportRenderer, PdfReportRenderer>();
        services.AddSingleton<IReportRenderer, CsvReportRenderer>();
        services.AddSingleton<IReportRenderer, XlsxReportRenderer>();
        services.AddSingleton<IReportRenderer, JsonReportRenderer>();
        services.AddSingleton<ReportWorker>();
        services.AddHostedService(provider => provider.GetRequiredService<ReportWorker>());
        services.AddReportSchedules();
        return services;
    }
}
