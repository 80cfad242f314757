namespace DockerReorder.Analysis.Fixes;

/// <summary>A code fix: edits to the Dockerfile (and possibly other context files), with an applicability.</summary>
public sealed record Fix
{
    /// <summary>One line saying what the fix does.</summary>
    public required string Description { get; init; }

    /// <summary>Safe or unsafe.</summary>
    public required FixApplicability Applicability { get; init; }

    /// <summary>Edits on the original Dockerfile text, non-overlapping.</summary>
    public IReadOnlyList<TextEdit> Edits { get; init; } = [];

    /// <summary>Other files the fix writes (a <c>.dockerignore</c>).</summary>
    public IReadOnlyList<FileWrite> FileWrites { get; init; } = [];

    /// <summary>
    /// Context paths of the files the fix copies as an install's manifests, also those no manifest name marks (a pnpmfile named
    /// in <c>pnpm-workspace.yaml</c>, a Yarn release): --explain counts them as manifests, not source, in the fixed file.
    /// </summary>
    public IReadOnlyList<string> CopiedManifests { get; init; } = [];

    /// <summary>For an unsafe fix: the condition that could not be proven, in one line.</summary>
    public string? UnsafeReason { get; init; }
}
