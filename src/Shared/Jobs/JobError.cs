namespace Analytics.Api.Shared.Jobs;

/// <summary>`error` of a failed job: the stored `CODE: message` text split in two.</summary>
public sealed record JobError(string Code, string Message)
{
    public static JobError? Parse(string? stored)
    {
        if (string.IsNullOrWhiteSpace(stored))
        {
            return null;
        }

        var colon = stored.IndexOf(": ", StringComparison.Ordinal);
        var code = colon > 0 ? stored[..colon] : string.Empty;
        return code.Length > 0 && code.All(c => c is (>= 'A' and <= 'Z') or '_')
            ? new JobError(code, stored[(colon + 2)..])
            : new JobError("JOB_FAILED", stored);
    }
}
