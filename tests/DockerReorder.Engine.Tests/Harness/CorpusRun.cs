namespace DockerReorder.Engine.Tests.Harness;

/// <summary>What the engine showed for one corpus case whose Dockerfile the fixer changed.</summary>
/// <param name="Name">The case.</param>
/// <param name="Builds">True when the original built (the fixed one is then required to build too).</param>
/// <param name="FixedBuilds">True when the fixed Dockerfile built.</param>
/// <param name="ImageDiff">The snapshot diff, empty when equal; null when not compared.</param>
/// <param name="CachedBefore">"2/6": steps the original reused after the source edit, or "-".</param>
/// <param name="CachedAfter">The same for the fixed Dockerfile.</param>
/// <param name="Note">Why it did not build, which file was touched, and similar evidence.</param>
/// <param name="Seconds">Wall time for the case.</param>
public sealed record CorpusRun(string Name, bool Builds, bool FixedBuilds, string? ImageDiff, string CachedBefore, string CachedAfter, string Note, double Seconds)
{
    /// <summary>True when the original built and the fixed Dockerfile did not build or built a different image.</summary>
    public bool IsFailure => Builds && (!FixedBuilds || ImageDiff is not { Length: 0 });

    /// <summary>"yes", "NO", or "-" when not compared.</summary>
    public string ImageEqual => ImageDiff is null ? "-" : ImageDiff.Length == 0 ? "yes" : "NO";
}
