using Analytics.Api.Features.Reports.Shared;

namespace Analytics.Api.Features.Reports.ListTemplates;

public sealed record TemplateList(IReadOnlyList<ReportTemplate> Templates);
