namespace DockerReorder.Analysis.Catalogue.Manifests;

/// <summary>Tells a package requirement (<c>flask==2.0</c>, <c>git+https://...</c>) from a local path (<c>.</c>, <c>./lib</c>, <c>file:</c>, a wheel file).</summary>
internal static class PythonPackageSpec
{
    private static readonly string[] ArchiveExtensions = [".whl", ".tar.gz", ".zip", ".tgz", ".tar.bz2", ".tar"];

    /// <summary>True for a VCS requirement (<c>git+https://...</c>, <c>hg+</c>, <c>svn+</c>, <c>bzr+</c>), which an editable install clones.</summary>
    internal static bool IsVcs(string spec) =>
        spec.StartsWith("git+", StringComparison.Ordinal) || spec.StartsWith("hg+", StringComparison.Ordinal)
        || spec.StartsWith("svn+", StringComparison.Ordinal) || spec.StartsWith("bzr+", StringComparison.Ordinal)
        || spec.Contains("@ git+", StringComparison.Ordinal) || spec.Contains("@git+", StringComparison.Ordinal);

    /// <summary>True when <paramref name="spec"/> names a local path rather than a package from an index or URL.</summary>
    internal static bool IsLocal(string spec)
    {
        if (spec.Length == 0)
        {
            return false;
        }

        if (spec.Contains("file:", StringComparison.Ordinal))
        {
            return true;
        }

        if (spec.Contains("://", StringComparison.Ordinal))
        {
            return false;
        }

        if (spec[0] is '.' or '/' or '~' || spec.Contains('/', StringComparison.Ordinal) || spec.Contains('\\', StringComparison.Ordinal))
        {
            return true;
        }

        foreach (var extension in ArchiveExtensions)
        {
            if (spec.EndsWith(extension, StringComparison.OrdinalIgnoreCase))
            {
                return true;
            }
        }

        return false;
    }

    /// <summary>
    /// The local file or folder a pip location names (a <c>-r</c>/<c>-c</c> file, a <c>--find-links</c> folder): the path of a
    /// <c>file:</c> URL (<c>file:requirements.txt</c>, <c>file:///app/wheels</c>, <c>file://localhost/app/wheels</c>), a plain
    /// path as it is, or null for a remote URL (<c>https://...</c>, a <c>file://</c> URL naming another host). pip opens a
    /// <c>file:</c> URL with its local adapter (<c>url_to_path</c>), relative to the current directory when it has no <c>//</c>.
    /// </summary>
    internal static string? LocalFileOrFolder(string location)
    {
        if (location.StartsWith("file:", StringComparison.OrdinalIgnoreCase))
        {
            var path = location[5..];
            if (path.StartsWith("//", StringComparison.Ordinal))
            {
                var slash = path.IndexOf('/', 2);
                var host = slash < 0 ? path[2..] : path[2..slash];
                if (host.Length > 0 && !host.Equals("localhost", StringComparison.OrdinalIgnoreCase))
                {
                    return null;
                }

                path = slash < 0 ? "/" : path[slash..];
            }

            path = Uri.UnescapeDataString(path);
            return path.Length == 0 ? "." : path;
        }

        return location.Contains("://", StringComparison.Ordinal) ? null : location;
    }

    /// <summary>The path part of a local spec: <c>.</c> for <c>.[dev]</c>, the path of a <c>file:</c> URL.</summary>
    internal static string LocalPath(string spec)
    {
        var at = spec.IndexOf("file:", StringComparison.Ordinal);
        if (at >= 0)
        {
            // A file URL naming another host fails in pip; kept relative, it reads as the working directory's (the safe side).
            return LocalFileOrFolder(spec[at..]) ?? spec[(at + 7)..];
        }

        var bracket = spec.IndexOf('[', StringComparison.Ordinal);
        return bracket > 0 ? spec[..bracket] : spec;
    }
}
