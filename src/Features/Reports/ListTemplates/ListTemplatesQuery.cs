using Mediator;

namespace Analytics.Api.Features.Reports.ListTemplates;

/// <summary>`GET /reports/templates?type=` (API.md §4.7): the built-in templates, optionally of one type.</summary>
public sealed record ListTemplatesQuery(string? Type) : IQuery<TemplateList>;
