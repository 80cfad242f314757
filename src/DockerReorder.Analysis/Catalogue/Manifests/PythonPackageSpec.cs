namespace DockerReorder.Analysis.Catalogue.Manifests;

/// <summary>Tells a package requirement (<c>flask==2.0</c>, <c>git+https://...</c>) from a local path (<c>.</c>, <c>./lib</c>, <c>file:</c>, a wheel file).</summary>
internal static class PythonPackageSpec
{
    private static readonly string[] ArchiveExtensions = [".whl", ".tar.gz", ".zip", ".tgz", ".tar.bz2", ".tar"];

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

    /// <summary>The path part of a local spec: <c>.</c> for <c>.[dev]</c>, the path after <c>file:</c>.</summary>
    internal static string LocalPath(string spec)
    {
        var at = spec.IndexOf("file:", StringComparison.Ordinal);
        if (at >= 0)
        {
            var path = spec[(at + 5)..];
            path = path.StartsWith("//", StringComparison.Ordinal) ? path[2..] : path;
            return path.Length == 0 ? "." : path;
        }

        var bracket = spec.IndexOf('[', StringComparison.Ordinal);
        return bracket > 0 ? spec[..bracket] : spec;
    }
}
