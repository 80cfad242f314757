using DockerReorder.Analysis.Context;
using DockerReorder.Analysis.Fixes;
using DockerReorder.Analysis.Rules;
using DockerReorder.Analysis.Tests.Support;
using DockerReorder.Syntax;
using Xunit.Abstractions;

namespace DockerReorder.Analysis.Tests.Corpus;

/// <summary>
/// The real-world corpus (../shared/corpus): each case folder is its build context, and
/// MANIFEST.tsv's <c>expected</c> column says what the rules must do: every <c>reorder</c> case gets a
/// safe DR001 fix; no <c>unsafe</c>, <c>already-good</c> or <c>n/a</c> case gets a DR001 fix. Where we
/// are convinced the table is wrong, Disagreements.tsv holds the case and the reason, and the test
/// checks our verdict is the opposite one and prints the reason.
/// </summary>
public sealed class CorpusTests(ITestOutputHelper output)
{
    /// <summary>Every case of the corpus.</summary>
    public static TheoryData<string> Cases()
    {
        var data = new TheoryData<string>();
        foreach (var row in CorpusCase.All()) data.Add(row.Name);
        return data;
    }

    [Theory]
    [MemberData(nameof(Cases))]
    public void Case_gets_the_expected_verdict(string name)
    {
        var corpusCase = CorpusCase.All().Single(c => c.Name == name);
        var dir = Path.Combine(RepositoryPaths.Shared, "corpus", name);
        var bytes = File.ReadAllBytes(Path.Combine(dir, "Dockerfile"));
        var tree = DockerfileParser.Parse(bytes);
        Assert.Equal(bytes, tree.ToFullBytes());
        var context = BuildContext.Open(new DirectoryContext(dir), corpusCase.DockerfileInContext);
        var findings = DockerfileAnalyzer.Analyze(tree, context, AnalysisOptions.Default);
        foreach (var f in findings)
            output.WriteLine($"{f.Position} {f.Rule.Id} {f.Message}{(f.Fix is null ? "" : $" [fix: {f.Fix.Applicability}{(f.Fix.UnsafeReason is null ? "" : ", " + f.Fix.UnsafeReason)}]")}");

        bool safeDr001 = findings.Any(f => f.Rule.Id == RuleIds.InstallAfterBroadCopy && f.Fix?.Applicability == FixApplicability.Safe);
        bool anyDr001Fix = findings.Any(f => f.Rule.Id == RuleIds.InstallAfterBroadCopy && f.Fix is not null);
        bool expectedReorder = corpusCase.Expected == "reorder";
        bool disagree = Disagreement.Reasons.TryGetValue(name, out var reason);
        if (disagree) output.WriteLine($"DISAGREEMENT with MANIFEST.tsv ({corpusCase.Expected}): {reason}");
        bool wantFix = expectedReorder != disagree;
        if (wantFix)
            Assert.True(safeDr001, $"{name} ({corpusCase.Expected}{(disagree ? ", disagreement" : "")}): expected a safe DR001 fix; notes: {corpusCase.Notes}");
        else if (expectedReorder)
            Assert.False(safeDr001, $"{name} (reorder, disagreement): expected no safe DR001 fix; reason: {reason}");
        else
            Assert.False(anyDr001Fix, $"{name} ({corpusCase.Expected}): expected no DR001 fix; notes: {corpusCase.Notes}");

        if (wantFix)
        {
            var outcome = DockerfileAnalyzer.Fix(tree, context, AnalysisOptions.Default, includeUnsafe: false);
            var again = DockerfileAnalyzer.Fix(DockerfileParser.Parse(outcome.FixedText), context, AnalysisOptions.Default, includeUnsafe: false);
            Assert.Equal(outcome.FixedText, again.FixedText);
            output.WriteLine(Golden.Diff(outcome.OriginalText, outcome.FixedText));
        }
    }
}

/// <summary>A row of MANIFEST.tsv.</summary>
public sealed record CorpusCase(string Name, string Expected, string Notes, string DockerfileInContext)
{
    private static IReadOnlyList<CorpusCase>? _all;

    /// <summary>Every row.</summary>
    public static IReadOnlyList<CorpusCase> All() => _all ??= Load();

    private static List<CorpusCase> Load()
    {
        var lines = File.ReadAllLines(Path.Combine(RepositoryPaths.Shared, "corpus", "MANIFEST.tsv"));
        var header = lines[0].Split('\t');
        int Col(string n) => Array.IndexOf(header, n);
        return lines.Skip(1).Where(l => l.Length > 0).Select(l => l.Split('\t'))
            .Select(c => new CorpusCase(c[Col("case")], c[Col("expected")], c[Col("notes")], c[Col("dockerfile_in_context")]))
            .ToList();
    }
}

/// <summary>Cases where we are convinced MANIFEST.tsv's verdict is wrong, with the reason (Disagreements.tsv).</summary>
public static class Disagreement
{
    /// <summary>Case name to reason.</summary>
    public static IReadOnlyDictionary<string, string> Reasons { get; } =
        File.ReadAllLines(Path.Combine(AppContext.BaseDirectory, "Corpus", "Disagreements.tsv"))
            .Where(l => l.Length > 0 && !l.StartsWith('#'))
            .Select(l => l.Split('\t', 2))
            .ToDictionary(p => p[0], p => p[1], StringComparer.Ordinal);
}
