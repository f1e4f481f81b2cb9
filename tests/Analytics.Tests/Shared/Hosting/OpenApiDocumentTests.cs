using System.Text.Json.Nodes;
using Analytics.Tests.Infrastructure;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.DependencyInjection;

namespace Analytics.Tests.Shared.Hosting;

/// <summary>
/// Every route the service maps is in `/openapi/v1.json` with what an integrator needs (API.md §4.10; issue #10): a summary, an
/// operation id, a tag, a documented error answer and, behind a token, the bearer requirement. A new endpoint without its
/// metadata fails here. The lint of the document itself runs in scripts/check-openapi (redocly.yaml).
/// </summary>
public sealed class OpenApiDocumentTests
{
    private static readonly string[] Methods = ["GET", "POST", "PUT", "DELETE", "PATCH"];

    [Test]
    public async Task EveryRoute_IsDocumentedWithSummaryTagsAndAnErrorAnswer()
    {
        var document = await DocumentAsync();
        var paths = document["paths"]!.AsObject();
        var routes = Routes();
        Assert.That(routes, Is.Not.Empty, "the route table is empty: the rule would pass on nothing");

        var problems = new List<string>();
        foreach (var (method, path, anonymous) in routes)
        {
            if (paths[path]?[method.ToLowerInvariant()] is not JsonObject operation)
            {
                problems.Add($"{method} {path}: not in the document");
                continue;
            }

            if (string.IsNullOrWhiteSpace(operation["summary"]?.GetValue<string>()))
            {
                problems.Add($"{method} {path}: no summary");
            }

            if (string.IsNullOrWhiteSpace(operation["operationId"]?.GetValue<string>()))
            {
                problems.Add($"{method} {path}: no operationId");
            }

            if (operation["tags"] is not JsonArray { Count: > 0 })
            {
                problems.Add($"{method} {path}: no tag");
            }

            var statuses = operation["responses"]?.AsObject().Select(response => response.Key).ToArray() ?? [];
            if (!statuses.Any(status => status.StartsWith('4') || status.StartsWith('5')))
            {
                problems.Add($"{method} {path}: no documented error answer");
            }

            if (!statuses.Any(status => status.StartsWith('2')))
            {
                problems.Add($"{method} {path}: no documented success answer");
            }

            // Required = a bearer requirement and no empty (anonymous) alternative; the signed download accepts either.
            var security = operation["security"] as JsonArray ?? [];
            var bearerRequired = security.Any(requirement => requirement?["bearer"] is not null)
                                 && !security.Any(requirement => requirement is JsonObject { Count: 0 });
            if (bearerRequired == anonymous)
            {
                problems.Add($"{method} {path}: bearer requirement {(bearerRequired ? "on an anonymous route" : "missing")}");
            }
        }

        Assert.That(problems, Is.Empty, string.Join('\n', problems));
    }

    [Test]
    public async Task ErrorAnswers_UseTheProblemSchemaWithExamplesOfTheirCodes()
    {
        var document = await DocumentAsync();
        var examples = document["components"]!["examples"]!.AsObject();
        var problems = new List<string>();
        foreach (var (path, item) in document["paths"]!.AsObject())
        {
            foreach (var (method, operation) in item!.AsObject())
            {
                foreach (var (status, response) in operation!["responses"]!.AsObject().Where(r => r.Key.StartsWith('4') || r.Key.StartsWith('5')))
                {
                    if (response?["content"]?["application/problem+json"] is not JsonObject media)
                    {
                        // The health bodies and the plain-text readiness answer are not problems (API.md §1.3).
                        if (!path.Contains("health", StringComparison.Ordinal))
                        {
                            problems.Add($"{method} {path} {status}: not application/problem+json");
                        }

                        continue;
                    }

                    if (media["schema"]?["$ref"]?.GetValue<string>() != "#/components/schemas/Problem")
                    {
                        problems.Add($"{method} {path} {status}: not the Problem schema");
                    }

                    foreach (var (code, _) in media["examples"]?.AsObject() ?? [])
                    {
                        if (examples[code]?["value"]?["status"]?.GetValue<int>().ToString(System.Globalization.CultureInfo.InvariantCulture) != status)
                        {
                            problems.Add($"{method} {path} {status}: example {code} has another status");
                        }
                    }
                }
            }
        }

        Assert.That(problems, Is.Empty, string.Join('\n', problems));
    }

    [Test]
    public async Task Parameters_CarryTypesAndDescriptions()
    {
        var document = await DocumentAsync();
        var undocumented = (
            from item in document["paths"]!.AsObject()
            from operation in item.Value!.AsObject()
            from parameter in operation.Value!["parameters"]?.AsArray() ?? []
            where string.IsNullOrWhiteSpace(parameter!["description"]?.GetValue<string>()) || parameter["schema"]?["type"] is null
            select $"{operation.Key} {item.Key} {parameter["name"]}").ToArray();

        Assert.That(undocumented, Is.Empty, string.Join('\n', undocumented));
    }

    [Test]
    public async Task Document_IsWrittenForTheLint_WhenAsked()
    {
        // scripts/check-openapi can lint without starting a service: ANALYTICS_OPENAPI_OUT names the file to write.
        var target = Environment.GetEnvironmentVariable("ANALYTICS_OPENAPI_OUT");
        if (string.IsNullOrEmpty(target))
        {
            Assert.Pass("ANALYTICS_OPENAPI_OUT is not set");
        }

        using var response = await ApiClient.GetAsync("/openapi/v1.json", null);
        await File.WriteAllTextAsync(target!, await response.Content.ReadAsStringAsync());
        Assert.That(new FileInfo(target!).Length, Is.GreaterThan(0));
    }

    private static async Task<JsonObject> DocumentAsync()
    {
        using var response = await ApiClient.GetAsync("/openapi/v1.json", null);
        return await ApiClient.ReadJsonAsync(response);
    }

    /// <summary>(method, path as OpenAPI writes it, anonymous) of every route the service maps and does not hide from the description.</summary>
    private static List<(string Method, string Path, bool Anonymous)> Routes()
    {
        var sources = TestHost.Factory.Services.GetRequiredService<IEnumerable<EndpointDataSource>>();
        var routes = new List<(string, string, bool)>();
        foreach (var endpoint in sources.SelectMany(source => source.Endpoints).OfType<RouteEndpoint>())
        {
            var metadata = endpoint.Metadata;
            if (metadata.GetMetadata<Microsoft.AspNetCore.Routing.IExcludeFromDescriptionMetadata>()?.ExcludeFromDescription == true)
            {
                continue;
            }

            var path = "/" + string.Join('/', endpoint.RoutePattern.PathSegments.Select(segment => string.Concat(segment.Parts.Select(part => part switch
            {
                Microsoft.AspNetCore.Routing.Patterns.RoutePatternLiteralPart literal => literal.Content,
                Microsoft.AspNetCore.Routing.Patterns.RoutePatternParameterPart parameter => "{" + parameter.Name + "}",
                Microsoft.AspNetCore.Routing.Patterns.RoutePatternSeparatorPart separator => separator.Content,
                _ => string.Empty,
            }))));
            var anonymous = metadata.GetMetadata<Microsoft.AspNetCore.Authorization.IAllowAnonymous>() is not null
                            || metadata.GetMetadata<Microsoft.AspNetCore.Authorization.IAuthorizeData>() is null;
            var methods = metadata.GetMetadata<HttpMethodMetadata>()?.HttpMethods ?? ["GET"];
            routes.AddRange(methods.Where(method => Methods.Contains(method)).Select(method => (method, path, anonymous)));
        }

        return routes;
    }
}
