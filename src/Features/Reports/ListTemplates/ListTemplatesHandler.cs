using Analytics.Api.Features.Reports.Shared;
using Mediator;

namespace Analytics.Api.Features.Reports.ListTemplates;

public sealed class ListTemplatesHandler : IQueryHandler<ListTemplatesQuery, TemplateList>
{
    public ValueTask<TemplateList> Handle(ListTemplatesQuery query, CancellationToken cancellationToken)
    {
        var type = ReportRequestRules.Type(query.Type);
        return ValueTask.FromResult(new TemplateList(ReportTemplates.BuiltIn.Where(t => type is null || t.Type == type).ToArray()));
    }
}
