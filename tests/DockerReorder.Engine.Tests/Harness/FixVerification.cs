namespace DockerReorder.Engine.Tests.Harness;

/// <summary>Everything the engine showed about one original/fixed Dockerfile pair.</summary>
/// <param name="FixedText">The fixed Dockerfile that was judged.</param>
/// <param name="Before">The original's build.</param>
/// <param name="After">The fixed Dockerfile's build.</param>
/// <param name="ImageDiff">The snapshot diff (empty when the images are equal).</param>
/// <param name="BeforeProbe">The original's rebuild after a source-only edit.</param>
/// <param name="AfterProbe">The fixed Dockerfile's rebuild after the same kind of edit.</param>
public sealed record FixVerification(
    string FixedText,
    BuildResult Before,
    BuildResult After,
    string ImageDiff,
    CacheProbeResult BeforeProbe,
    CacheProbeResult AfterProbe)
{
    /// <summary>"cached steps 2 → 4", for summaries.</summary>
    public string CacheSummary => $"cached steps {BeforeProbe.CachedCount}/{BeforeProbe.Steps.Count} -> {AfterProbe.CachedCount}/{AfterProbe.Steps.Count}";
}
