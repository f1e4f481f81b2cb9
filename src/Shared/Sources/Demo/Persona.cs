namespace Analytics.Api.Shared.Sources.Demo;

/// <summary>Learner personas of the latent model (SOURCES.md §2.4).</summary>
public enum Persona
{
    Steady,
    Fader,
    Sprinter,
    Sporadic,
}
