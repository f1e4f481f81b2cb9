using System.Text.Json.Serialization.Metadata;
using Microsoft.AspNetCore.OpenApi;

namespace Analytics.Api.Shared.Hosting;

/// <summary>
/// Everything `/openapi/v1.json` says beyond the endpoints' own metadata, registered in one place: the document, operation and
/// schema transformers of this folder, and schema names that stay unique when two slices name a type alike.
/// </summary>
public static class OpenApiSetup
{
    private const string FeaturesNamespace = "Analytics.Api.Features.";

    public static IServiceCollection AddAnalyticsOpenApiDocumentation(this IServiceCollection services) =>
        services.Configure<OpenApiOptions>("v1", options =>
        {
            var ambiguous = typeof(OpenApiSetup).Assembly.GetTypes()
                .Where(type => type.Namespace?.StartsWith(FeaturesNamespace, StringComparison.Ordinal) == true && type.IsPublic)
                .GroupBy(type => type.Name)
                .Where(group => group.Count() > 1)
                .Select(group => group.Key)
                .ToHashSet(StringComparer.Ordinal);
            options.CreateSchemaReferenceId = typeInfo => SchemaId(typeInfo, ambiguous);
            options.AddSchemaTransformer<OpenApiRequestBodies>();
            options.AddSchemaTransformer((schema, context, _) =>
            {
                // A property left out when null (JsonIgnoreCondition.WhenWritingNull) is not required, whatever the constructor says.
                if (context.JsonPropertyInfo is null && schema.Required is { Count: > 0 } required)
                {
                    foreach (var property in context.JsonTypeInfo.Properties.Where(property => property.ShouldSerialize is not null))
                    {
                        required.Remove(property.Name);
                    }
                }

                return Task.CompletedTask;
            });
            options.AddOperationTransformer<OpenApiOperationTransformer>();
            options.AddDocumentTransformer<OpenApiDocumentTransformer>();
        });

    /// <summary>The default name, prefixed with the slice's area when another slice has a public type of the same name.</summary>
    private static string? SchemaId(JsonTypeInfo typeInfo, HashSet<string> ambiguous)
    {
        var name = OpenApiOptions.CreateDefaultSchemaReferenceId(typeInfo);
        var type = typeInfo.Type;
        if (name is null || !ambiguous.Contains(type.Name) || type.Namespace is not { } ns || !ns.StartsWith(FeaturesNamespace, StringComparison.Ordinal))
        {
            return name;
        }

        var area = ns[FeaturesNamespace.Length..].Split('.')[0];
        return area + name;
    }
}
