namespace DockerReorder.Analysis.Context;

/// <summary>
/// Lexical path normalisation with Go's <c>path/filepath.Clean</c> rules (Unix separator), which
/// Docker applies to <c>.dockerignore</c> patterns, plus the conversion to the context-relative
/// form <see cref="IContextFileSystem"/> uses.
/// </summary>
public static class ContextPath
{
    /// <summary>
    /// The shortest equivalent path: repeated slashes collapse, <c>.</c> elements go, <c>..</c>
    /// removes the element before it (and is dropped right after the root), no trailing slash;
    /// the empty result is <c>.</c> (or <c>/</c> for a rooted path).
    /// </summary>
    public static string Clean(string path)
    {
        if (path.Length == 0)
        {
            return ".";
        }

        // Most paths the rules ask about are clean already (each probe cleaned them twice): no split, no join.
        if (Model.ImagePath.IsNormal(path))
        {
            return path;
        }

        var rooted = path[0] == '/';
        var kept = new List<string>();
        foreach (var element in path.Split('/'))
        {
            if (element.Length == 0 || element == ".")
            {
                continue;
            }

            if (element == "..")
            {
                if (kept.Count > 0 && kept[^1] != "..")
                {
                    kept.RemoveAt(kept.Count - 1);
                }
                else if (!rooted)
                {
                    // A relative path keeps leading ".." elements; a rooted one cannot climb above "/".
                    kept.Add(element);
                }

                continue;
            }

            kept.Add(element);
        }

        var joined = string.Join('/', kept);
        if (rooted)
        {
            return "/" + joined;
        }

        return joined.Length == 0 ? "." : joined;
    }

    /// <summary>
    /// The context-relative form of <paramref name="path"/>: cleaned, backslashes untouched,
    /// without a leading <c>/</c> or <c>./</c>; the context root is the empty string.
    /// A path that climbs out of the context (<c>../x</c>) keeps its <c>..</c>.
    /// </summary>
    public static string Normalize(string path)
    {
        var cleaned = Clean(path);
        if (cleaned == "." || cleaned == "/")
        {
            return string.Empty;
        }

        return cleaned[0] == '/' ? cleaned[1..] : cleaned;
    }

    /// <summary>Joins a context-relative directory and a relative name; the empty directory is the root.</summary>
    public static string Combine(string directory, string name) =>
        directory.Length == 0 ? name : directory + "/" + name;
}
