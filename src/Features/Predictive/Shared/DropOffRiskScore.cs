namespace Analytics.Api.Features.Predictive.Shared;

/// <summary>
/// One enrolment scored at one cutoff: the integer risk 0–100, the risk-raising factors with their contributions, and the
/// rule's two behavioural conditions (also used by the warning signals and interventions).
/// </summary>
public sealed record DropOffRiskScore(int Risk, IReadOnlyList<DropOffRuleCondition> Raised, bool Decline, bool NoProgress);
