using Analytics.Api.Features.Reports.Shared.Rendering;

namespace Analytics.Api.Features.Reports.Shared;

/// <summary>The report store, access check, renderers and workers (API.md §4.7).</summary>
public static class ReportsSetup
{
    public static IServiceCollection AddReports(this IServiceCollection services)
    {
        services.AddSingleton<ReportQueueSignal>();
        services.AddSingleton<ReportStore>();
        services.AddSingleton<ReportRenderHooks>();
        services.AddScoped<ReportAccess>();
        services.AddScoped<ReportContentCollector>();
        services.AddSingleton<IReportRenderer, PdfReportRenderer>();
        services.AddSingleton<IReportRenderer, CsvReportRenderer>();
        services.AddSingleton<IReportRenderer, XlsxReportRenderer>();
        services.AddSingleton<IReportRenderer, JsonReportRenderer>();
        services.AddSingleton<ReportWorker>();
        services.AddHostedService(provider => provider.GetRequiredService<ReportWorker>());
        return services;
    }
}
