using DockerReorder.Engine.Tests.Harness;
using Xunit.Abstractions;

namespace DockerReorder.Engine.Tests;

/// <summary>
/// The real fixer (<c>DockerfileAnalyzer.Fix</c>, safe fixes only, the case's context folder as the
/// build context) judged on the engine: for every safe case its output builds the image the original
/// builds and reuses every install step after a source edit; for every unsafe case it leaves the file
/// alone or builds the same image; and <c>--explain</c>'s prediction of what a source edit reruns
/// matches the engine's CACHED lines before and after the fix.
/// </summary>
public sealed class FixerProofTests(ITestOutputHelper output) : SafeFixProof(output)
{
    private readonly ITestOutputHelper output = output;

    /// <summary>The cases with a Dockerfile.naive (no safe fix exists).</summary>
    public static TheoryData<string> UnsafeCases()
    {
        var data = new TheoryData<string>();
        foreach (var engineCase in EngineCase.All().Where(c => c.AfterText is null))
        {
            data.Add(engineCase.Name);
        }

        return data;
    }

    /// <inheritdoc/>
    protected override string FixerName => "docker-reorder";

    /// <inheritdoc/>
    protected override string Fix(EngineCase engineCase, string dockerfileText, string contextDirectory)
    {
        var fixedText = DockerReorderFixer.FixedText(dockerfileText, contextDirectory);
        output.WriteLine(fixedText == engineCase.AfterText
            ? $"{engineCase.Name}: the fixer's output is the hand-written Dockerfile.after"
            : $"{engineCase.Name}: the fixer's output differs from the hand-written Dockerfile.after:\n{LineDiff.Describe(engineCase.AfterText ?? dockerfileText, fixedText)}");
        return fixedText;
    }

    /// <summary>One unsafe case: the fixer leaves the file unchanged, or its rewrite builds the same image.</summary>
    /// <param name="caseName">The case folder name.</param>
    [EngineTheory]
    [MemberData(nameof(UnsafeCases))]
    public void The_fixer_makes_no_unsafe_rewrite(string caseName)
    {
        var engineCase = EngineCase.Named(caseName);
        var changed = new FixVerifier(DockerEngine.Connect()).AssertNoUnsafeRewrite(engineCase, (text, context) => DockerReorderFixer.FixedText(text, context));
        EngineSummary.Record(caseName, FixerName, changed ? "yes" : "-", changed ? "yes" : "unchanged", "-");
        output.WriteLine($"{caseName}: {(changed ? "rewritten, and the engine built the same image" : "left unchanged")}");
    }

    /// <summary>
    /// One safe case: for the original and the fixed Dockerfile, the steps <c>--explain</c> predicts a
    /// source-only edit reruns are exactly the steps the engine did not take from its cache.
    /// </summary>
    /// <param name="caseName">The case folder name.</param>
    [EngineTheory]
    [MemberData(nameof(CasesWithFix))]
    public void The_explain_prediction_matches_the_engine_cache(string caseName)
    {
        var engineCase = EngineCase.Named(caseName);
        var verification = VerificationOf(engineCase);
        output.WriteLine(DockerReorderFixer.Explain(engineCase.BeforeText, verification.FixedText, engineCase.Context));
        var mismatches = new List<string>();
        mismatches.AddRange(ExplainCheck.Mismatches("before", engineCase.BeforeText, engineCase.Context, verification.BeforeProbe));
        mismatches.AddRange(ExplainCheck.Mismatches("after", verification.FixedText, engineCase.Context, verification.AfterProbe, DockerReorderFixer.CopiedManifests(engineCase.BeforeText, engineCase.Context)));
        Assert.True(
            mismatches.Count == 0,
            $"{caseName}: --explain disagrees with the engine:\n{string.Join('\n', mismatches)}\nengine before:\n{verification.BeforeProbe}\nengine after:\n{verification.AfterProbe}\nfixed Dockerfile:\n{verification.FixedText}");
        EngineSummary.Record(caseName, "--explain", "yes", "-", "prediction matches the engine");
    }
}
