namespace DockerReorder.Cli.Processing;

/// <summary>What happened to a finding's fix in this run.</summary>
public enum FindingStatus
{
    /// <summary>Its fix is applied (dry run: would be applied by <c>--write</c>).</summary>
    Fixed,
    /// <summary>It has an unsafe fix, applied only with <c>--unsafe-fixes</c>.</summary>
    UnsafeFixAvailable,
    /// <summary>No fix can be applied.</summary>
    NoFix,
}
