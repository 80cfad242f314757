using System.Collections.Concurrent;
using Xunit.Abstractions;

namespace DockerReorder.Engine.Tests.Harness;

/// <summary>
/// The proof every fixer must pass, as a base class: for each case with a Dockerfile.after, the
/// output of <see cref="Fix"/> builds the same image as the original and reuses every install step
/// after a source edit. Derive and implement <see cref="Fix"/> to judge a fixer.
/// </summary>
/// <param name="output">Where per-case evidence is written.</param>
public abstract class SafeFixProof(ITestOutputHelper output)
{
    // One verification per fixer and case: a derived class's extra checks reuse the same builds and probes.
    private static readonly ConcurrentDictionary<string, Lazy<FixVerification>> Verifications = new(StringComparer.Ordinal);

    /// <summary>The cases that have a Dockerfile.after (a known safe fix).</summary>
    public static TheoryData<string> CasesWithFix()
    {
        var data = new TheoryData<string>();
        foreach (var engineCase in EngineCase.All().Where(c => c.AfterText is not null))
        {
            data.Add(engineCase.Name);
        }

        return data;
    }

    /// <summary>The name the summary table gives this fixer's rows.</summary>
    protected abstract string FixerName { get; }

    /// <summary>The fixer under test: given a Dockerfile's text and its context folder, the fixed text.</summary>
    /// <param name="engineCase">The case (for fixers that are per-case, such as the hand-written one).</param>
    /// <param name="dockerfileText">The original Dockerfile.</param>
    /// <param name="contextDirectory">The build context folder (read-only).</param>
    protected abstract string Fix(EngineCase engineCase, string dockerfileText, string contextDirectory);

    /// <summary>One case: the fix is safe and pays off on the engine.</summary>
    /// <param name="caseName">The case folder name.</param>
    [EngineTheory]
    [MemberData(nameof(CasesWithFix))]
    public void The_fix_builds_the_same_image_and_reuses_every_install(string caseName)
    {
        var engineCase = EngineCase.Named(caseName);
        var verification = VerificationOf(engineCase);
        Assert.False(
            verification.FixedText == engineCase.BeforeText,
            $"{caseName}: {FixerName} left the Dockerfile unchanged, but the case has a safe fix (Dockerfile.after)");
        FixVerifier.AssertSafe(engineCase, verification);
        EngineSummary.Record(caseName, FixerName, "yes", "yes", verification.CacheSummary);
        output.WriteLine($"{caseName}: image equal, {verification.CacheSummary}");
        output.WriteLine($"before:\n{verification.BeforeProbe}\nafter:\n{verification.AfterProbe}");
    }

    /// <summary>
    /// The engine's evidence for this fixer on <paramref name="engineCase"/> (built once per run and
    /// shared by every check of the same fixer; the assertions are the caller's).
    /// </summary>
    protected FixVerification VerificationOf(EngineCase engineCase) =>
        Verifications.GetOrAdd(
            $"{FixerName}\u0000{engineCase.Name}",
            _ => new Lazy<FixVerification>(() => new FixVerifier(DockerEngine.Connect()).Verify(engineCase, (text, context) => Fix(engineCase, text, context))))
        .Value;
}
