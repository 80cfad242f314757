namespace DockerReorder.Cli.Files;

/// <summary>
/// Paths handed straight to the kernel, made relative to the process's current directory when they lie below it: the
/// kernel looks up every component of a path, and with thousands of files the lookups of the shared absolute prefix
/// were most of each <c>lstat</c>. The current directory is read once (the program never changes it); a path outside
/// it, or a current directory that cannot be read, stays absolute.
/// </summary>
public static class KernelPaths
{
    private static readonly string? Prefix = ReadPrefix();

    /// <summary><paramref name="fullPath"/> relative to the current directory when below it, else unchanged.</summary>
    public static string Shorten(string fullPath) =>
        Prefix is { } p && fullPath.Length > p.Length && fullPath.StartsWith(p, StringComparison.Ordinal) ? fullPath[p.Length..] : fullPath;

    private static string? ReadPrefix()
    {
        try
        {
            var current = Environment.CurrentDirectory;
            return Path.IsPathFullyQualified(current) ? Path.TrimEndingDirectorySeparator(current) + "/" : null;
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException) { return null; }
    }
}
