namespace DockerReorder.Cli.CommandLine;

/// <summary>The process exit codes (documented in <c>--help</c> and docs/cli.md).</summary>
public static class ExitCodes
{
    /// <summary>Nothing to report: no finding, no change due (after <c>--write</c>: everything was fixed).</summary>
    public const int Clean = 0;

    /// <summary>Findings remain or changes are due (after <c>--write</c>: findings that could not be fixed).</summary>
    public const int FindingsOrChanges = 1;

    /// <summary>Usage error, I/O error, or a Dockerfile that does not parse.</summary>
    public const int Error = 2;
}
