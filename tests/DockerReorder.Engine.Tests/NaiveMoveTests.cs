using DockerReorder.Engine.Tests.Harness;
using Xunit.Abstractions;

namespace DockerReorder.Engine.Tests;

/// <summary>
/// The safety rules tested against reality: for each unsafe case, the naive reordering either fails
/// to build or builds a different image, exactly as the case says.
/// </summary>
public sealed class NaiveMoveTests(ITestOutputHelper output)
{
    /// <summary>The cases that have a Dockerfile.naive.</summary>
    public static TheoryData<string> UnsafeCases()
    {
        var data = new TheoryData<string>();
        foreach (var engineCase in EngineCase.All().Where(c => c.NaiveText is not null))
        {
            data.Add(engineCase.Name);
        }

        return data;
    }

    /// <summary>One unsafe case: the naive move is wrong on the engine.</summary>
    /// <param name="caseName">The case folder name.</param>
    [EngineTheory]
    [MemberData(nameof(UnsafeCases))]
    public void The_naive_move_changes_the_image_or_breaks_the_build(string caseName)
    {
        var engineCase = EngineCase.Named(caseName);
        var evidence = new FixVerifier(DockerEngine.Connect()).AssertNaiveMoveIsWrong(engineCase);
        EngineSummary.Record(
            caseName,
            "naive move",
            engineCase.NaiveOutcome == "fails" ? "no (as expected)" : "yes",
            engineCase.NaiveOutcome == "fails" ? "-" : "no (as expected)",
            "-");
        output.WriteLine($"{caseName}: naive move is wrong, as expected:\n{evidence}");
    }
}
