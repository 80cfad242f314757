using System.Text;
using DockerReorder.Analysis.Tests.Rules;
using DockerReorder.Analysis.Tests.Support;
using DockerReorder.Syntax;

namespace DockerReorder.Analysis.Tests.Fixes;

/// <summary>
/// A file of 1 MiB or more takes the fix loop's big-file path (the old tree dropped and collected before the
/// fixed text is written): it must fix exactly what the small path fixes.
/// </summary>
public sealed class BigFileFixTests
{
    [Fact]
    public void A_big_file_is_fixed_as_its_independent_stages_are()
    {
        var fixture = RuleFixture.Load(Path.Combine(RepositoryPaths.Fixtures, "rules", "mix-deps-get"));
        var small = SourceText.From(fixture.DockerfileBytes).Text;
        Assert.DoesNotContain(" AS ", small, StringComparison.OrdinalIgnoreCase); // copies would repeat a stage name
        int copies = (1 << 20) / small.Length + 1;
        var big = new StringBuilder().Insert(0, small, copies).ToString();

        var smallOutcome = DockerfileAnalyzer.Fix(DockerfileParser.Parse(small), fixture.Context, fixture.Options, fixture.UnsafeFixes);
        var bigOutcome = DockerfileAnalyzer.Fix(DockerfileParser.Parse(big), fixture.Context, fixture.Options, fixture.UnsafeFixes);

        Assert.True(smallOutcome.Changed);
        Assert.Equal(new StringBuilder().Insert(0, smallOutcome.FixedText, copies).ToString(), bigOutcome.FixedText);
        Assert.Same(big, bigOutcome.OriginalText);
        // Every copy's DR002 finding is found and fixed (DR003 is about the one context, not each copy).
        Assert.Equal(copies * smallOutcome.Findings.Count(f => f.Rule.Id == "DR002"), bigOutcome.Findings.Count(f => f.Rule.Id == "DR002"));
        Assert.DoesNotContain(bigOutcome.RemainingFindings, f => f.Rule.Id == "DR002");
    }
}
