namespace Analytics.Api.Shared.Sources.Oulad;

/// <summary>The running counts of one file while it is read and written.</summary>
public sealed class OuladFileCounter(string file)
{
    public string File { get; } = file;
    public long Read { get; set; }
    public long Written { get; set; }
    public long Rejected { get; set; }
    public long Skipped { get; set; }

    public OuladFileResult ToResult() => new(File, Read, Written, Rejected, Skipped);
}
