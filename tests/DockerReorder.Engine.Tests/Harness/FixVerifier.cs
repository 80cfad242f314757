namespace DockerReorder.Engine.Tests.Harness;

/// <summary>
/// The judge of a fix: builds a case's original and the fixer's output, compares the images, and
/// probes the cache after a source-only edit. This is where the real fixer plugs in.
/// </summary>
/// <param name="engine">The engine to build with.</param>
public sealed class FixVerifier(DockerEngine engine)
{
    /// <summary>Runs every check and returns the evidence without asserting.</summary>
    /// <param name="engineCase">The case.</param>
    /// <param name="fix">Given the original Dockerfile text and the context folder, returns the fixed text.</param>
    public FixVerification Verify(EngineCase engineCase, Func<string, string, string> fix)
    {
        var beforeText = engineCase.BeforeText;
        var fixedText = fix(beforeText, engineCase.Context);
        var before = engine.Build(beforeText, engineCase.Context);
        var after = engine.Build(fixedText, engineCase.Context);
        var beforeImage = before.RequireImage($"{engineCase.Name}: Dockerfile.before");
        var afterImage = after.RequireImage($"{engineCase.Name}: the fixed Dockerfile");
        var diff = SnapshotDiff.Describe(engine.Snapshot(beforeImage), engine.Snapshot(afterImage));
        var beforeProbe = CacheProbe.Run(engine, beforeText, engineCase.Context, engineCase.TouchedSource);
        var afterProbe = CacheProbe.Run(engine, fixedText, engineCase.Context, engineCase.TouchedSource);
        return new FixVerification(fixedText, before, after, diff, beforeProbe, afterProbe);
    }

    /// <summary>
    /// Asserts the promise: the fixed Dockerfile builds the same image, and after a source-only edit it
    /// reuses every install step while the original reruns at least one.
    /// </summary>
    public FixVerification AssertSafeFix(EngineCase engineCase, Func<string, string, string> fix) =>
        AssertSafe(engineCase, Verify(engineCase, fix));

    /// <summary>The assertions of <see cref="AssertSafeFix"/> on evidence already gathered by <see cref="Verify"/>.</summary>
    public static FixVerification AssertSafe(EngineCase engineCase, FixVerification verification)
    {
        Assert.True(
            verification.ImageDiff.Length == 0,
            $"{engineCase.Name}: the fixed Dockerfile builds a different image:\n{verification.ImageDiff}\nfixed Dockerfile:\n{verification.FixedText}");
        Assert.NotEmpty(engineCase.Installs);
        foreach (var install in engineCase.Installs)
        {
            var step = verification.AfterProbe.StepFor(install);
            Assert.True(step.Step.Cached, $"{engineCase.Name}: after a source edit the fixed build reran `{install}`:\n{verification.AfterProbe}");
        }

        Assert.True(
            engineCase.Installs.Any(i => !verification.BeforeProbe.StepFor(i).Step.Cached),
            $"{engineCase.Name}: the original already reused every install step, so the case proves nothing:\n{verification.BeforeProbe}");
        Assert.True(
            verification.AfterProbe.CachedCount > verification.BeforeProbe.CachedCount,
            $"{engineCase.Name}: the fix reuses no more steps ({verification.CacheSummary})");
        return verification;
    }

    /// <summary>
    /// For a case whose naive move is wrong: a fixer may leave the Dockerfile alone (returns it
    /// unchanged), or rewrite it in a way that still builds the same image; anything else fails with
    /// the difference. Returns true when the fixer changed the text.
    /// </summary>
    public bool AssertNoUnsafeRewrite(EngineCase engineCase, Func<string, string, string> fix)
    {
        var beforeText = engineCase.BeforeText;
        var fixedText = fix(beforeText, engineCase.Context);
        if (fixedText == beforeText)
        {
            return false;
        }

        var before = engine.Build(beforeText, engineCase.Context).RequireImage($"{engineCase.Name}: Dockerfile.before");
        var after = engine.Build(fixedText, engineCase.Context);
        Assert.True(after.Succeeded, $"{engineCase.Name}: the rewrite does not build:\n{BuildResult.Tail(after.Log, 20)}\nrewrite:\n{fixedText}");
        var diff = SnapshotDiff.Describe(engine.Snapshot(before), engine.Snapshot(after.ImageId!));
        Assert.True(diff.Length == 0, $"{engineCase.Name}: the rewrite changes the image:\n{diff}\nrewrite:\n{fixedText}");
        return true;
    }

    /// <summary>
    /// Asserts that the case's naive move is wrong on the engine, as case.txt says: the build fails
    /// with the given log text, or it builds an image that differs at the given path or config field.
    /// </summary>
    public string AssertNaiveMoveIsWrong(EngineCase engineCase)
    {
        var naiveText = engineCase.NaiveText ?? throw new InvalidOperationException($"{engineCase.Name} has no Dockerfile.naive");
        var before = engine.Build(engineCase.BeforeText, engineCase.Context);
        var beforeImage = before.RequireImage($"{engineCase.Name}: Dockerfile.before");
        var naive = engine.Build(naiveText, engineCase.Context);
        if (engineCase.NaiveOutcome == "fails")
        {
            Assert.False(naive.Succeeded, $"{engineCase.Name}: the naive move was expected to fail but built");
            Assert.Contains(engineCase.NaiveEvidence, naive.Log, StringComparison.Ordinal);
            return BuildResult.Tail(naive.Log, 8);
        }

        var naiveImage = naive.RequireImage($"{engineCase.Name}: Dockerfile.naive");
        var diff = SnapshotDiff.Describe(engine.Snapshot(beforeImage), engine.Snapshot(naiveImage));
        Assert.True(diff.Length > 0, $"{engineCase.Name}: the naive move built the same image; the case proves nothing");
        Assert.Contains(engineCase.NaiveEvidence, diff, StringComparison.Ordinal);
        return diff;
    }
}
