namespace DockerReorder.Analysis.Model;

/// <summary>
/// The working directory well-known official images set (their Dockerfiles' last WORKDIR), so that
/// a relative path in a stage that sets none can still be placed. Only images whose every variant
/// agrees are listed; any other image's working directory stays unknown.
/// </summary>
public static class BaseImageWorkdirs
{
    private static readonly Dictionary<string, string> Known = new(StringComparer.Ordinal)
    {
        // Official images that set no WORKDIR run in "/".
        ["alpine"] = "/", ["busybox"] = "/", ["debian"] = "/", ["ubuntu"] = "/", ["python"] = "/", ["node"] = "/",
        ["ruby"] = "/",
        // Official images that set one in every variant.
        ["php"] = "/var/www/html", ["wordpress"] = "/var/www/html", ["golang"] = "/go",
    };

    /// <summary>The working directory of <paramref name="image"/> (as written in FROM), or null when unknown.</summary>
    public static string? Of(string image)
    {
        if (image.Contains('$')) return null;
        var name = image;
        int at = name.IndexOf('@');
        if (at >= 0) name = name[..at];
        int slash = name.LastIndexOf('/');
        int colon = name.LastIndexOf(':');
        if (colon > slash) name = name[..colon];
        foreach (var prefix in new[] { "docker.io/library/", "library/", "index.docker.io/library/" })
            if (name.StartsWith(prefix, StringComparison.Ordinal)) name = name[prefix.Length..];
        return Known.TryGetValue(name, out var workdir) ? workdir : null;
    }
}
