using System.Globalization;
using System.Text;

namespace Analytics.Api.Features.Reports.Shared.Rendering;

/// <summary>`&lt;title-slug&gt;-&lt;YYYYMMDD&gt;.&lt;ext&gt;` of API.md §4.7's Content-Disposition.</summary>
public static class ReportFileNames
{
    public static string For(string title, DateTimeOffset generatedAt, string format) =>
        $"{Slug(title)}-{generatedAt.UtcDateTime.ToString("yyyyMMdd", CultureInfo.InvariantCulture)}.{format}";

    public static string Slug(string title)
    {
        var normalised = title.Normalize(NormalizationForm.FormD);
        var slug = new StringBuilder();
        foreach (var c in normalised)
        {
            if (char.IsAsciiLetterOrDigit(c))
            {
                slug.Append(char.ToLowerInvariant(c));
            }
            else if (CharUnicodeInfo.GetUnicodeCategory(c) != UnicodeCategory.NonSpacingMark && slug.Length > 0 && slug[^1] != '-')
            {
                slug.Append('-');
            }
        }

        var text = slug.ToString().Trim('-');
        text = text.Length > 80 ? text[..80].TrimEnd('-') : text;
        return text.Length == 0 ? "report" : text;
    }
}
