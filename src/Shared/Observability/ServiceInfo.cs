using System.Reflection;

namespace Analytics.Api.Shared.Observability;

/// <summary>Version and start time reported by the system endpoints.</summary>
public static class ServiceInfo
{
    public static readonly string Version =
        typeof(ServiceInfo).Assembly.GetCustomAttribute<AssemblyInformationalVersionAttribute>()?.InformationalVersion.Split('+')[0]
        ?? "0.0.0";

    public static readonly DateTimeOffset StartedAt = DateTimeOffset.UtcNow;
}
