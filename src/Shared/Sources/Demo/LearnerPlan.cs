namespace Analytics.Api.Shared.Sources.Demo;

/// <summary>A learner's identity, latent traits (ability a, motivation m, persona) and planned enrolments.</summary>
public sealed class LearnerPlan
{
    public required int Index { get; init; }
    public required string Id { get; init; }

    /// <summary>The readable part that the learner's own row ids carry (<c>sub-000017-3</c>).</summary>
    public required string IdStem { get; init; }

    public required int Organisation { get; init; }
    public required int Department { get; init; }
    public required string DisplayName { get; init; }
    public required string Email { get; init; }
    public required double Ability { get; init; }
    public required double Motivation { get; init; }
    public required Persona Persona { get; set; }

    /// <summary>Relative preference per <see cref="ContentType"/>.</summary>
    public required double[] TypePreference { get; init; }

    public required bool UsesDevLab { get; init; }
    public required bool AsksForHelp { get; init; }
    public required bool IsMentee { get; init; }
    public required bool CreatesContent { get; init; }
    public required bool SharesContent { get; init; }
    public required string LeaderboardPrivacy { get; init; }
    public List<EnrolmentPlan> Enrolments { get; } = [];

    /// <summary>Set for trainer-456's at-risk learners: no learning activity after this day.</summary>
    public DateOnly? StopsOn { get; set; }

    public bool IsFixedUser { get; init; }
}
