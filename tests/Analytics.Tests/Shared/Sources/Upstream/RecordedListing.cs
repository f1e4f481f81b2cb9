namespace Analytics.Tests.Shared.Sources.Upstream;

/// <summary>
/// A listing a contract fixture serves from its recorded pages: the path under `/api/v1/`, the file stem
/// (`&lt;File&gt;.page1.json`, `&lt;File&gt;.page2.json`) and the cursor page 1 hands to page 2.
/// </summary>
public sealed record RecordedListing(string Path, string File, string Cursor);
