namespace DockerReorder.Analysis.Model;

/// <summary>Paths inside the image: POSIX, normalised like Go's <c>path.Clean</c>.</summary>
public static class ImagePath
{
    /// <summary>Cleans a path: collapses <c>//</c>, <c>.</c> and <c>..</c>; keeps it absolute or relative; <c>"."</c> for empty relative.</summary>
    public static string Normalize(string path)
    {
        // Most paths are already clean; every copy and lookup normalises, so answer those without splitting.
        if (IsNormal(path)) return path;
        bool absolute = path.StartsWith('/');
        var parts = new List<string>();
        foreach (var part in path.Split('/'))
        {
            if (part.Length == 0 || part == ".") continue;
            if (part == "..")
            {
                if (parts.Count > 0 && parts[^1] != "..") parts.RemoveAt(parts.Count - 1);
                else if (!absolute) parts.Add("..");
                continue;
            }
            parts.Add(part);
        }
        var joined = string.Join('/', parts);
        if (absolute) return "/" + joined;
        return joined.Length == 0 ? "." : joined;
    }

    // No empty, "." or ".." segment and no trailing slash: Normalize would return the path unchanged.
    internal static bool IsNormal(string path)
    {
        if (path.Length == 0) return false;
        if (path == "/") return true;
        if (path[^1] == '/') return false;
        int segmentStart = path[0] == '/' ? 1 : 0;
        for (int i = segmentStart; i <= path.Length; i++)
        {
            if (i < path.Length && path[i] != '/') continue;
            int length = i - segmentStart;
            if (length == 0) return false;
            if (path[segmentStart] == '.' && (length == 1 || (length == 2 && path[segmentStart + 1] == '.'))) return false;
            segmentStart = i + 1;
        }
        return true;
    }

    /// <summary>True when <paramref name="path"/> equals <paramref name="directory"/> or lies under it (both normalised, same kind).</summary>
    public static bool IsUnder(string path, string directory)
    {
        if (directory == "/" ) return path.StartsWith('/');
        if (directory == ".") return !path.StartsWith('/') && !path.StartsWith("..", StringComparison.Ordinal);
        return path == directory || path.StartsWith(directory + "/", StringComparison.Ordinal);
    }

    /// <summary>The part of <paramref name="path"/> below <paramref name="directory"/> (<c>""</c> when equal); call only when <see cref="IsUnder"/>.</summary>
    public static string RelativeTo(string path, string directory)
    {
        if (path == directory) return "";
        if (directory == "/") return path[1..];
        if (directory == ".") return path;
        return path[(directory.Length + 1)..];
    }

    /// <summary>The path up to its first wildcard segment (<c>/usr/lib/python3*/site-packages</c> gives <c>/usr/lib</c>).</summary>
    public static string LiteralPrefix(string path)
    {
        int star = path.IndexOfAny(['*', '?', '[']);
        if (star < 0) return path;
        int slash = path.LastIndexOf('/', star);
        if (slash <= 0) return path.StartsWith('/') ? "/" : ".";
        return path[..slash];
    }
}
