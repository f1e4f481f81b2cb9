namespace Analytics.Api.Shared.Privacy;

/// <summary>Registers the subject hasher (key from `Privacy:SubjectHashKey`) and the tombstone check every loader uses.</summary>
public static class PrivacySetup
{
    public static IServiceCollection AddPrivacy(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddSingleton(sp => new SubjectHasher(SubjectHashKeys.Resolve(
            configuration[SubjectHashKeys.ConfigurationKey],
            sp.GetRequiredService<IHostEnvironment>().IsDevelopment(),
            sp.GetRequiredService<ILoggerFactory>().CreateLogger("Analytics.Privacy"))));
        services.AddSingleton<ErasureTombstones>();
        return services;
    }
}
