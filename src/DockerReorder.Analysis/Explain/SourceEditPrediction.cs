namespace DockerReorder.Analysis.Explain;

/// <summary>
/// Predicts which steps a source-only edit (a change to a context file that is not a dependency
/// manifest) makes BuildKit rerun. The cache rule: a step reading context sources misses when
/// they can include a non-manifest file; a step reading an earlier stage misses when that stage
/// reran anything; a stage built <c>FROM</c> a stage that reran misses from its first step; after a
/// miss, every later step of the stage reruns.
/// </summary>
public static class SourceEditPrediction
{
    /// <summary>The prediction for every stage, in order. <paramref name="isManifestOnly"/> says whether a context source can contain only manifests.</summary>
    public static IReadOnlyList<StageRebuild> Predict(IReadOnlyList<CacheStage> stages, Func<string, bool> isManifestOnly)
    {
        var changed = new bool[stages.Count];
        var result = new List<StageRebuild>(stages.Count);
        foreach (var stage in stages)
        {
            var rerun = new List<CacheStep>();
            bool missed = stage.BaseStage is { } b && b >= 0 && b < changed.Length && changed[b];
            foreach (var step in stage.Steps)
            {
                if (step.IsFrom) continue; // the base is resolved, never rebuilt by an edit
                if (!missed) missed = ReadsChangedInput(step, changed, isManifestOnly);
                if (missed) rerun.Add(step);
            }
            if (stage.Index >= 0 && stage.Index < changed.Length) changed[stage.Index] = rerun.Count > 0;
            result.Add(new StageRebuild(stage, rerun));
        }
        return result;
    }

    private static bool ReadsChangedInput(CacheStep step, bool[] changed, Func<string, bool> isManifestOnly) =>
        step.ContextSources.Any(s => !isManifestOnly(s)) ||
        step.StageDependencies.Any(d => d >= 0 && d < changed.Length && changed[d]);
}
