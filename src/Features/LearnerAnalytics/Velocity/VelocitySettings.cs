using Analytics.Api.Features.LearnerAnalytics.Shared;
namespace Analytics.Api.Features.LearnerAnalytics.Velocity;

/// <summary>`Analytics:Velocity:*` with the defaults of ANALYTICS.md §1.1.</summary>
public sealed record VelocitySettings(double MomentumBand = 0.20, double MinTargetUnitsPerWeek = 0.5, double DefaultTargetUnitsPerWeek = 2)
{
    public static VelocitySettings From(IConfiguration configuration)
    {
        var section = configuration.GetSection("Analytics:Velocity");
        var defaults = new VelocitySettings();
        return new VelocitySettings(
            section.GetValue("MomentumBand", defaults.MomentumBand),
            section.GetValue("MinTargetUnitsPerWeek", defaults.MinTargetUnitsPerWeek),
            section.GetValue("DefaultTargetUnitsPerWeek", defaults.DefaultTargetUnitsPerWeek));
    }
}
