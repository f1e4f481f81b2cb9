using System.Text.Json;
using System.Text.Json.Nodes;
using Microsoft.AspNetCore.Http.Json;
using Microsoft.Extensions.Options;

namespace Analytics.Api.Features.Reports.Shared.Rendering;

/// <summary>JSON of API.md §4.7: `{report {…metadata}, analytics {"&lt;id&gt;": envelope}}`.</summary>
public sealed class JsonReportRenderer(IOptions<JsonOptions> json) : IReportRenderer
{
    public string Format => ReportFormats.Json;

    public byte[] Render(ReportContent content)
    {
        var report = JsonSerializer.SerializeToNode(ReportResource.Of(content.Report), json.Value.SerializerOptions)!.AsObject();
        report["subjectName"] = content.SubjectName;
        report["generatedAt"] = content.GeneratedAt;
        var analytics = new JsonObject();
        foreach (var section in content.Sections)
        {
            analytics[section.Analytic] = section.Envelope?.DeepClone()
                                          ?? new JsonObject { ["data"] = null, ["meta"] = new JsonObject { ["unavailable"] = section.Unavailable } };
        }

        return JsonSerializer.SerializeToUtf8Bytes(new JsonObject { ["report"] = report, ["analytics"] = analytics }, json.Value.SerializerOptions);
    }
}
