namespace Analytics.Api.Shared.Sources.Oulad;

/// <summary>
/// One line of the validation report (SOURCES.md §4.4): the value computed from the files, the value read back from the store
/// (null on a dry run or where the store cannot tell) and, for the full dataset, the published figure.
/// </summary>
public sealed record OuladValidationCheck(string Name, long Expected, long? Actual, long? Published = null)
{
    public bool Passed => Actual is null || Actual == Expected;
}
