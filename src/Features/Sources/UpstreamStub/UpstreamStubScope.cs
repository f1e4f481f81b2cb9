namespace Analytics.Api.Features.Sources.UpstreamStub;

/// <summary>Whom a listing covers (SOURCES.md §3.2): one organisation (`/organizations/{orgId}/…`) or the platform.</summary>
public enum UpstreamStubScope
{
    Organisation,
    Platform,
}
