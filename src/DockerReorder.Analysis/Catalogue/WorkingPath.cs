namespace DockerReorder.Analysis.Catalogue;

/// <summary>Path arithmetic for the catalogue: relative paths are relative to the working directory, absolute ones start with <c>/</c>.</summary>
internal static class WorkingPath
{
    /// <summary>Removes <c>.</c>, empty segments and resolvable <c>..</c>; a relative path to the directory itself is <c>.</c>.</summary>
    internal static string Normalize(string path)
    {
        var absolute = path.StartsWith('/');
        var segments = new List<string>();
        foreach (var segment in path.Split('/'))
        {
            if (segment.Length == 0 || segment == ".")
            {
                continue;
            }

            if (segment == "..")
            {
                if (segments.Count > 0 && segments[^1] != "..")
                {
                    segments.RemoveAt(segments.Count - 1);
                }
                else if (!absolute)
                {
                    segments.Add("..");
                }

                continue;
            }

            segments.Add(segment);
        }

        var joined = string.Join('/', segments);
        return absolute ? "/" + joined : joined.Length == 0 ? "." : joined;
    }

    /// <summary>Joins <paramref name="path"/> to <paramref name="directory"/> unless it is absolute.</summary>
    internal static string Combine(string directory, string path) =>
        path.StartsWith('/') ? Normalize(path) : Normalize(directory == "." ? path : directory + "/" + path);

    /// <summary>The directory part of a path (<c>.</c> for a bare file name).</summary>
    internal static string DirectoryOf(string path)
    {
        var slash = path.LastIndexOf('/');
        return slash < 0 ? "." : slash == 0 ? "/" : path[..slash];
    }

    /// <summary>
    /// The folders above <paramref name="path"/>, nearest first, ending with <c>/</c> (with <c>.</c> for a relative path): where
    /// a tool looks upward for a workspace root or a settings file.
    /// </summary>
    internal static IEnumerable<string> FoldersAbove(string path)
    {
        for (var above = DirectoryOf(path); ; above = DirectoryOf(above))
        {
            yield return above;
            if (above is "/" or "." or "") yield break;
        }
    }

    /// <summary>The last segment of a path.</summary>
    internal static string FileName(string path)
    {
        var trimmed = path.TrimEnd('/');
        var slash = trimmed.LastIndexOf('/');
        return slash < 0 ? trimmed : trimmed[(slash + 1)..];
    }

    /// <summary>True when <paramref name="path"/> is <paramref name="directory"/> or inside it (both normalized, same kind).</summary>
    internal static bool IsWithin(string path, string directory) =>
        directory == "." && !path.StartsWith('/') && !path.StartsWith("..", StringComparison.Ordinal)
        || directory == "/" && path.StartsWith('/')
        || path == directory
        || path.Length > directory.Length && path.StartsWith(directory, StringComparison.Ordinal) && path[directory.Length] == '/';
}
