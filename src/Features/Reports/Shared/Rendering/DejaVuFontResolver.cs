using PdfSharp.Fonts;

namespace Analytics.Api.Features.Reports.Shared.Rendering;

/// <summary>
/// PDFsharp finds no fonts on Linux by itself (TOOLCHAIN.md): every family resolves to DejaVu Sans from Debian's
/// fonts-dejavu-core, which the container image installs too.
/// </summary>
public sealed class DejaVuFontResolver : IFontResolver
{
    public const string Family = "DejaVu Sans";

    private static readonly string[] Folders = ["/usr/share/fonts/truetype/dejavu", "/usr/share/fonts/dejavu", "/usr/local/share/fonts"];
    private static readonly Lock Gate = new();
    private static bool _installed;

    /// <summary>Sets the resolver once per process (PDFsharp refuses a second one after the first font is used).</summary>
    public static void Install()
    {
        lock (Gate)
        {
            if (!_installed)
            {
                GlobalFontSettings.FontResolver = new DejaVuFontResolver();
                _installed = true;
            }
        }
    }

    public FontResolverInfo? ResolveTypeface(string familyName, bool bold, bool italic) =>
        new(bold ? "DejaVuSans-Bold" : "DejaVuSans");

    public byte[]? GetFont(string faceName)
    {
        foreach (var folder in Folders)
        {
            var path = Path.Combine(folder, faceName + ".ttf");
            if (File.Exists(path))
            {
                return File.ReadAllBytes(path);
            }
        }

        throw new FileNotFoundException($"Font {faceName}.ttf not found; install fonts-dejavu-core.");
    }
}
