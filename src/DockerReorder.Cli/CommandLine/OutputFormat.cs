namespace DockerReorder.Cli.CommandLine;

/// <summary>The report format chosen with <c>--format</c>.</summary>
public enum OutputFormat
{
    /// <summary>Unified diffs and <c>PATH:LINE:COL: ID message</c> lines.</summary>
    Text,
    /// <summary>One JSON document.</summary>
    Json,
    /// <summary>SARIF 2.1.0.</summary>
    Sarif,
    /// <summary>GitHub Actions workflow commands (<c>::warning file=…</c>).</summary>
    GitHub,
}
