namespace Analytics.Api.Features.Reports.Shared;

/// <summary>A rendered report file: its bytes and how it is served.</summary>
public sealed record ReportFile(string FileName, string ContentType, byte[] Content);
