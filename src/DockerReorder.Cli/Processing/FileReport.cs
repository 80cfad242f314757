namespace DockerReorder.Cli.Processing;

/// <summary>The result of processing one Dockerfile.</summary>
public sealed record FileReport
{
    /// <summary>The path as shown.</summary>
    public required string DisplayPath { get; init; }

    /// <summary>True when the Dockerfile came from standard input.</summary>
    public bool FromStandardInput { get; init; }

    /// <summary>Every finding on the original text, with what happened to its fix.</summary>
    public IReadOnlyList<ReportedFinding> Findings { get; init; } = [];

    /// <summary>The findings left in the file on disk after this run (dry run: all of them; <c>--write</c>: those not fixed).</summary>
    public IReadOnlyList<ReportedFinding> OnDisk { get; init; } = [];

    /// <summary>The findings that <c>--write</c> does not (or did not) fix.</summary>
    public IReadOnlyList<ReportedFinding> Remaining { get; init; } = [];

    /// <summary>True when the fixes change the Dockerfile or another context file.</summary>
    public bool Changed { get; init; }

    /// <summary>True when the changes were written.</summary>
    public bool Written { get; init; }

    /// <summary>The unified diff of every changed file (empty when nothing changes, and when the report format and mode do not print it).</summary>
    public string Diff { get; init; } = string.Empty;

    /// <summary>The fixed Dockerfile's bytes (for <c>-</c> with <c>--write</c>); null in the other modes, which do not write them.</summary>
    public byte[]? FixedBytes { get; init; }

    /// <summary>One-line errors (<c>PATH[:LINE:COL]: message</c>); any makes the exit code 2.</summary>
    public IReadOnlyList<string> Errors { get; init; } = [];

    /// <summary>The <c>--explain</c> lines.</summary>
    public IReadOnlyList<string> Explanation { get; init; } = [];

    /// <summary>Notes for <c>--verbose</c>.</summary>
    public IReadOnlyList<string> Notes { get; init; } = [];

    /// <summary>The exit code this file alone calls for.</summary>
    public int ExitCode(bool written) =>
        Errors.Count > 0 ? CommandLine.ExitCodes.Error
        : Remaining.Count > 0 || (!written && Changed) ? CommandLine.ExitCodes.FindingsOrChanges
        : CommandLine.ExitCodes.Clean;
}
