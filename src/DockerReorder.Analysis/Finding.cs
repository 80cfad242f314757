using DockerReorder.Analysis.Fixes;
using DockerReorder.Analysis.Rules;
using DockerReorder.Syntax;

namespace DockerReorder.Analysis;

/// <summary>One thing a rule found, with where it is and, when it can, a fix.</summary>
public sealed record Finding
{
    /// <summary>The rule that found it.</summary>
    public required RuleDescriptor Rule { get; init; }

    /// <summary>One-line message.</summary>
    public required string Message { get; init; }

    /// <summary>The span the finding is about (the broad copy, usually).</summary>
    public required TextSpan Span { get; init; }

    /// <summary>1-based line and column of <see cref="Span"/>'s start.</summary>
    public required LinePosition Position { get; init; }

    /// <summary>Other places the finding is about (for DR001, the broad copy); a suppression comment above any of them silences it.</summary>
    public IReadOnlyList<TextSpan> RelatedSpans { get; init; } = [];

    /// <summary>The fix, or null when none can be offered.</summary>
    public Fix? Fix { get; init; }

    /// <summary>When there is no fix: which safety condition failed, in one line.</summary>
    public string? NoFixReason { get; init; }
}
