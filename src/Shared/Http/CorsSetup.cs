namespace Analytics.Api.Shared.Http;

/// <summary>The one CORS policy of API.md §6.2: allowed origins (<see cref="CorsOrigins"/>), no credentials, the app's headers.</summary>
public static class CorsSetup
{
    public static readonly string[] DevelopmentOrigins = ["http://localhost:5173", "http://localhost:4173", "http://127.0.0.1:5173"];

    public static IServiceCollection AddAnalyticsCors(this IServiceCollection services, IConfiguration configuration, bool isDevelopment)
    {
        var origins = new CorsOrigins(
            configuration.GetSection("Cors:AllowedOrigins").Get<string[]>() ?? (isDevelopment ? DevelopmentOrigins : []));
        services.AddCors(cors => cors.AddDefaultPolicy(policy => policy
            .SetIsOriginAllowed(origins.IsAllowed)
            .WithMethods("GET", "POST", "PUT", "DELETE", "OPTIONS")
            .WithHeaders("Authorization", "Content-Type", "X-Active-Role", "If-None-Match", "X-Request-Id")
            .WithExposedHeaders("ETag", "Location", "Retry-After", "RateLimit-Policy", "RateLimit-Limit", "RateLimit-Remaining",
                "RateLimit-Reset", "Content-Disposition", "X-Request-Id", "X-Active-Role")
            .SetPreflightMaxAge(TimeSpan.FromSeconds(600))));
        return services;
    }
}
