namespace DockerReorder.Analysis.Model;

/// <summary>
/// The working directory well-known official images set (their Dockerfiles' last WORKDIR), so that
/// a relative path in a stage that sets none can still be placed. Only images whose every variant
/// agrees are listed, and php, whose variant the tag names; any other image's working directory stays unknown.
/// </summary>
public static class BaseImageWorkdirs
{
    private static readonly Dictionary<string, string> Known = new(StringComparer.Ordinal)
    {
        // Official images that set no WORKDIR run in "/".
        ["alpine"] = "/", ["busybox"] = "/", ["debian"] = "/", ["ubuntu"] = "/", ["python"] = "/", ["node"] = "/",
        ["ruby"] = "/",
        // Official images that set one in every variant.
        ["wordpress"] = "/var/www/html", ["golang"] = "/go",
    };

    /// <summary>
    /// The variable whose value the working directory of <paramref name="image"/> is, by that image's convention, or null:
    /// the AWS Lambda base images set <c>ENV LAMBDA_TASK_ROOT=/var/task</c> and <c>WORKDIR /var/task</c>
    /// (https://docs.aws.amazon.com/lambda/latest/dg/python-image.html). Neither value is read from the image, so a fix that
    /// relies on the two being equal is unsafe.
    /// </summary>
    public static string? VariableOf(string image) =>
        image.StartsWith("public.ecr.aws/lambda/", StringComparison.Ordinal) || image.StartsWith("amazon/aws-lambda-", StringComparison.Ordinal)
            ? "LAMBDA_TASK_ROOT" : null;

    /// <summary>The working directory of <paramref name="image"/> (as written in FROM), or null when unknown.</summary>
    public static string? Of(string image)
    {
        if (image.Contains('$')) return null;
        var name = image;
        int at = name.IndexOf('@');
        if (at >= 0) name = name[..at];
        int slash = name.LastIndexOf('/');
        int colon = name.LastIndexOf(':');
        string? tag = null;
        if (colon > slash) (name, tag) = (name[..colon], name[(colon + 1)..]);
        foreach (var prefix in new[] { "docker.io/library/", "library/", "index.docker.io/library/" })
            if (name.StartsWith(prefix, StringComparison.Ordinal)) name = name[prefix.Length..];
        // The old onbuild variants (python:3-onbuild, node:8-onbuild, ...) work in /usr/src/app, and Windows variants
        // in a C:\ folder: neither is the Linux default listed here.
        if (tag is not null && tag.Split('-').Any(part => part == "onbuild" || part.StartsWith("windowsservercore", StringComparison.Ordinal) || part.StartsWith("nanoserver", StringComparison.Ordinal))) return null;
        if (name == "php") return PhpWorkdir(tag, pinnedByDigestOnly: at >= 0 && tag is null);
        return Known.TryGetValue(name, out var workdir) ? workdir : null;
    }

    // php's apache and fpm variants end with WORKDIR /var/www/html; cli (the default, "php:8.3") and zts set none
    // (https://github.com/docker-library/php, Dockerfile-linux.template).
    private static string? PhpWorkdir(string? tag, bool pinnedByDigestOnly)
    {
        if (pinnedByDigestOnly) return null;
        foreach (var part in (tag ?? "latest").Split('-'))
            if (part is "apache" or "fpm") return "/var/www/html";
        return "/";
    }
}
