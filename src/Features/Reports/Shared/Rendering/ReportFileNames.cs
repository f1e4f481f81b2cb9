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
        var slug = new StringBuilder();
        foreach (var c in Transliterate(title))
        {
            if (char.IsAsciiLetterOrDigit(c))
            {
                slug.Append(char.ToLowerInvariant(c));
            }
            else if (slug.Length > 0 && slug[^1] != '-')
            {
                slug.Append('-');
            }
        }

        var text = slug.ToString().Trim('-');
        text = text.Length > 80 ? text[..80].TrimEnd('-') : text;
        return text.Length == 0 ? "report" : text;
    }

    /// <summary>Latin letters with diacritics to their base letter (the service runs with invariant globalization: no Normalize).</summary>
    private static string Transliterate(string text)
    {
        const string from = "àáâãäåāăąçćčďèéêëēėęěìíîïīįłñńňòóôõöøōőŕřśšşťùúûüūůűųýÿźżž";
        const string to = "aaaaaaaaacccdeeeeeeeeiiiiiilnnnoooooooorrssstuuuuuuuuyyzzz";
        var result = new StringBuilder(text.Length);
        foreach (var c in text)
        {
            var lower = char.ToLowerInvariant(c);
            var index = from.IndexOf(lower, StringComparison.Ordinal);
            result.Append(index >= 0 ? to[index] : lower == 'ß' ? "ss" : lower == 'æ' ? "ae" : lower == 'œ' ? "oe" : c.ToString());
        }

        return result.ToString();
    }
}
