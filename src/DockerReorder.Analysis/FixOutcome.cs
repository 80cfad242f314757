using DockerReorder.Analysis.Fixes;

namespace DockerReorder.Analysis;

/// <summary>The result of fixing one Dockerfile: the new text, what was applied and what remains.</summary>
public sealed record FixOutcome
{
    /// <summary>The original text.</summary>
    public required string OriginalText { get; init; }

    /// <summary>The text after every applied fix (equal to the original when nothing applied).</summary>
    public required string FixedText { get; init; }

    /// <summary>The findings on the original text.</summary>
    public required IReadOnlyList<Finding> Findings { get; init; }

    /// <summary>The fixes that were applied.</summary>
    public required IReadOnlyList<Fix> AppliedFixes { get; init; }

    /// <summary>Findings still present after fixing (not fixable, unsafe without opt-in, or disabled fix).</summary>
    public required IReadOnlyList<Finding> RemainingFindings { get; init; }

    /// <summary>Other context files the applied fixes write.</summary>
    public IReadOnlyList<FileWrite> FileWrites { get; init; } = [];

    /// <summary>True when the Dockerfile text changes.</summary>
    public bool Changed => !string.Equals(OriginalText, FixedText, StringComparison.Ordinal);
}
