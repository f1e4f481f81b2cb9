namespace Analytics.Api.Features.Privacy.EraseUser;

/// <summary>The person being erased, as locked at the start of the transaction.</summary>
public sealed record ErasureSubject(string Id, string OrganisationId, string? Email);
