namespace Analytics.Api.Features.Predictive.DropOffRisk;

/// <summary>One peer enrolment of a cohort-median group (DropOffRisk.Peers.sql).</summary>
public sealed record DropOffPeerRow(string GroupId, string UserId, int? Engagement, int ClicksWeek1, bool Progressed, int UnitsLast7, int UnitsPrevious7);
