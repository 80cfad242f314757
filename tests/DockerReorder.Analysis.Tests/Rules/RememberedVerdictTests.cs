using DockerReorder.Analysis.Catalogue;
using DockerReorder.Analysis.Context;
using DockerReorder.Analysis.Tests.Corpus;
using DockerReorder.Analysis.Tests.Support;
using DockerReorder.Syntax;

namespace DockerReorder.Analysis.Tests.Rules;

/// <summary>
/// The analysis remembers the catalogue's verdicts across steps and fix rounds; classifying every
/// step afresh must give the same findings and the same fixes, on every rule fixture and corpus case,
/// and on each of them written twice in one file (so that steps repeat).
/// </summary>
public sealed class RememberedVerdictTests
{
    // Passes every question on: the analysis remembers nothing through it.
    private sealed class Afresh : IEcosystemCatalogue
    {
        public StepEffect Classify(RunStep step, Func<string, ManifestLookup> readFile) => EcosystemCatalogue.Default.Classify(step, readFile);
    }

    /// <summary>Every rule fixture and corpus case, once and twice over.</summary>
    public static TheoryData<string, bool> Cases()
    {
        var data = new TheoryData<string, bool>();
        foreach (var dir in Directory.GetDirectories(Path.Combine(RepositoryPaths.Fixtures, "rules")).Order(StringComparer.Ordinal))
        {
            data.Add("rules/" + Path.GetFileName(dir), false);
            data.Add("rules/" + Path.GetFileName(dir), true);
        }
        foreach (var row in CorpusCase.All())
        {
            data.Add("corpus/" + row.Name, false);
            data.Add("corpus/" + row.Name, true);
        }
        return data;
    }

    [Theory]
    [MemberData(nameof(Cases))]
    public void Remembered_verdicts_give_what_fresh_ones_give(string name, bool twice)
    {
        var (bytes, context, options, unsafeFixes) = Load(name);
        if (twice)
        {
            var text = SourceText.From(bytes).Text;
            if (!text.EndsWith('\n')) text += "\n";
            bytes = SourceText.Encode(text + text.TrimStart('\uFEFF'));
        }
        var tree = DockerfileParser.Parse(bytes);

        var remembered = DockerfileAnalyzer.Analyze(tree, context, options);
        var fresh = DockerfileAnalyzer.Analyze(tree, context, options, new Afresh());
        Assert.Equal(Describe(fresh), Describe(remembered));

        var fixedRemembered = DockerfileAnalyzer.Fix(tree, context, options, unsafeFixes);
        var fixedFresh = DockerfileAnalyzer.Fix(tree, context, options, unsafeFixes, new Afresh());
        Assert.Equal(fixedFresh.FixedText, fixedRemembered.FixedText);
        Assert.Equal(fixedFresh.AppliedFixes.Select(f => f.Description), fixedRemembered.AppliedFixes.Select(f => f.Description));
        Assert.Equal(Describe(fixedFresh.RemainingFindings), Describe(fixedRemembered.RemainingFindings));
        Assert.Equal(fixedFresh.FileWrites, fixedRemembered.FileWrites);
    }

    private static (byte[] Bytes, BuildContext? Context, AnalysisOptions Options, bool UnsafeFixes) Load(string name)
    {
        if (name.StartsWith("rules/", StringComparison.Ordinal))
        {
            var fixture = RuleFixture.Load(Path.Combine(RepositoryPaths.Fixtures, name));
            return (fixture.DockerfileBytes, fixture.Context, fixture.Options, fixture.UnsafeFixes);
        }
        var corpusCase = CorpusCase.All().Single(c => "corpus/" + c.Name == name);
        var dir = Path.Combine(RepositoryPaths.Shared, name);
        var context = BuildContext.Open(new DirectoryContext(dir), corpusCase.DockerfileInContext);
        return (File.ReadAllBytes(Path.Combine(dir, "Dockerfile")), context, AnalysisOptions.Default, true);
    }

    private static string Describe(IReadOnlyList<Finding> findings) =>
        RuleFixture.Describe(findings) + string.Concat(findings.Select(f =>
            $"{f.Span} {string.Join(",", f.RelatedSpans)} {string.Join("|", f.Fix?.Edits.Select(e => $"{e.Span}={e.NewText}") ?? [])}\n"));
}
