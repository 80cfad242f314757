namespace DockerReorder.Cli.Files;

/// <summary>Follows symbolic links to the file they finally name (reads, modification times and writes all go to that file).</summary>
public static class SymbolicLinks
{
    /// <summary>The final target of <paramref name="path"/>, or the path itself when it is not a link.</summary>
    public static string ResolveFile(string path)
    {
        var info = new FileInfo(path);
        if (info.LinkTarget is null) return path;
        return info.ResolveLinkTarget(returnFinalTarget: true)?.FullName ?? path;
    }
}
