namespace DockerReorder.Cli.CommandLine;

/// <summary>What the run does with the fixes.</summary>
public enum RunMode
{
    /// <summary>Default: print the diff and the findings without a fix; write nothing.</summary>
    DryRun,
    /// <summary><c>--diff</c>: print only the diff.</summary>
    Diff,
    /// <summary><c>--check</c>: print only the files that would change or have findings.</summary>
    Check,
    /// <summary><c>--write</c>: apply the fixes in place.</summary>
    Write,
}
