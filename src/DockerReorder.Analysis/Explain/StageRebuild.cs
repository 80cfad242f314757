namespace DockerReorder.Analysis.Explain;

/// <summary>What a source-only edit reruns in one stage.</summary>
/// <param name="Stage">The stage.</param>
/// <param name="Rerun">The steps that miss the cache, in order.</param>
public sealed record StageRebuild(CacheStage Stage, IReadOnlyList<CacheStep> Rerun)
{
    /// <summary>Number of steps in the stage (its <c>FROM</c> included, as BuildKit's <c>[k/N]</c> counts them).</summary>
    public int TotalSteps => Stage.Steps.Count;
}
