namespace Analytics.Api.Shared.Hosting;

/// <summary>
/// Documents an optional JSON body that the endpoint reads itself (JsonBody.ReadOptionalAsync). Unlike `Accepts`, it adds no
/// content-type constraint to the route, so an empty body with any `Content-Type` stays accepted (API.md §2.2 logout, §6.3).
/// </summary>
public sealed record OptionalJsonBody(Type RequestType);

public static class OptionalJsonBodyExtensions
{
    public static RouteHandlerBuilder AcceptsOptionalJson<TRequest>(this RouteHandlerBuilder builder) =>
        builder.WithMetadata(new OptionalJsonBody(typeof(TRequest)));
}
