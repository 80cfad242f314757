using DockerReorder.Analysis.Context;

namespace DockerReorder.Analysis.Copies;

/// <summary>
/// Whether a context file ADD copies may be a local archive, which ADD unpacks into its destination instead of copying.
/// BuildKit recognises an archive by its content, not its name (Dockerfile reference, "ADD": "a local tar archive in a
/// recognized compression format (identity, gzip, bzip2 or xz)"), so a file is known not to be one only by reading it.
/// </summary>
public static class LocalArchive
{
    // Names that announce an archive are not read: they may be large, and are what they say.
    private static readonly string[] ArchiveExtensions = [".tar", ".gz", ".tgz", ".bz2", ".tbz", ".tbz2", ".xz", ".txz", ".zst", ".tzst"];

    // A tar header and the gzip, xz and zstd magic numbers all hold a NUL or a byte that is not UTF-8 within this prefix.
    private const int HeaderLength = 512;

    /// <summary>False only when the file is in <paramref name="context"/> and reads as text: no NUL, no invalid UTF-8, no bzip2 magic in its first 512 characters.</summary>
    public static bool MayBe(BuildContext? context, string source)
    {
        if (context is null || WildcardPattern.HasWildcard(source)) return true;
        foreach (var extension in ArchiveExtensions)
        {
            if (source.EndsWith(extension, StringComparison.OrdinalIgnoreCase)) return true;
        }
        var text = context.ReadAllText(source);
        if (text is null) return true;
        var head = text.AsSpan(0, Math.Min(text.Length, HeaderLength));
        return head.StartsWith("BZh", StringComparison.Ordinal) || head.IndexOfAny('\0', '\uFFFD') >= 0;
    }
}
