namespace Analytics.Api.Shared.Sources.Oulad;

/// <summary>
/// The importer's embedded statements (<c>src/Shared/Sources/**/*.sql</c>, resource prefix <c>Sources.</c>), loaded once by their
/// flat name; a missing name fails loudly.
/// </summary>
public static class OuladSql
{
    public const string ResourcePrefix = SourceSql.ResourcePrefix;

    /// <summary>DATA_MODEL.md §1.2: clicks, active days, sites and raw rows per registration and presentation week (ANALYTICS.md §9 C1).</summary>
    public const string StudentWeekClicks = "OuladStudentWeekClicks";

    /// <summary>SOURCES.md §4.4: the store's side of the validation report.</summary>
    public const string Validation = "OuladValidation";

    public static string Get(string name) => SourceSql.Get(name);
}
