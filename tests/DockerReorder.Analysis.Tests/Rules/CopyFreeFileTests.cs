using System.Text;
using DockerReorder.Analysis.Catalogue;
using DockerReorder.Analysis.Context;
using DockerReorder.Analysis.Model;
using DockerReorder.Analysis.Planning;
using DockerReorder.Analysis.Rules;
using DockerReorder.Analysis.Tests.Corpus;
using DockerReorder.Analysis.Tests.Support;
using DockerReorder.Syntax;

namespace DockerReorder.Analysis.Tests.Rules;

/// <summary>
/// <see cref="DockerfileAnalyzer.Analyze(DockerfileSyntax, BuildContext?, AnalysisOptions)"/> skips a file with no COPY or
/// ADD (no model, no plans, no build context). That is only right while every rule needs such a copy: here every rule
/// runs in full over every rule fixture, corpus case and conformance case with its COPY and ADD lines taken out, and
/// must find nothing.
/// </summary>
public sealed class CopyFreeFileTests
{
    /// <summary>Every rule fixture, corpus case and parser conformance case.</summary>
    public static TheoryData<string> Cases()
    {
        var data = new TheoryData<string>();
        foreach (var dir in Directory.GetDirectories(Path.Combine(RepositoryPaths.Fixtures, "rules")).Order(StringComparer.Ordinal))
            data.Add("rules/" + Path.GetFileName(dir));
        foreach (var row in CorpusCase.All()) data.Add("corpus/" + row.Name);
        foreach (var dir in Directory.GetDirectories(ConformanceCases).Order(StringComparer.Ordinal))
            data.Add("conformance/" + Path.GetFileName(dir));
        return data;
    }

    private static string ConformanceCases => Path.Combine(RepositoryPaths.Shared, "conformance", "buildkit-parser", "positive");

    [Theory]
    [MemberData(nameof(Cases))]
    public void Without_copies_no_rule_finds_anything(string name)
    {
        var (bytes, context) = Load(name);
        var copyFree = DockerfileParser.Parse(WithoutCopies(DockerfileParser.Parse(bytes)));
        Assert.False(DockerfileAnalyzer.CopiesFromContext(copyFree));
        if (copyFree.HasErrors) return; // the analysis skips files BuildKit rejects anyway

        var options = AnalysisOptions.Default;
        var model = DockerfileModel.Build(copyFree);
        var catalogue = MemoizedEcosystemCatalogue.Over(EcosystemCatalogue.Default);
        var ruleContext = new RuleContext(model, context, new SinkPlanner(model, context, catalogue, options), options);
        foreach (var rule in DockerfileAnalyzer.Rules)
            Assert.Empty(rule.Check(ruleContext));
        Assert.Empty(DockerfileAnalyzer.Analyze(copyFree, context, options));
    }

    [Fact]
    public void A_file_with_a_copy_or_an_add_is_analyzed()
    {
        Assert.True(DockerfileAnalyzer.CopiesFromContext(DockerfileParser.Parse("FROM scratch\ncopy . /app\n"u8.ToArray())));
        Assert.True(DockerfileAnalyzer.CopiesFromContext(DockerfileParser.Parse("FROM scratch\nADD --chown=1 src /app\n"u8.ToArray())));
        Assert.False(DockerfileAnalyzer.CopiesFromContext(DockerfileParser.Parse("FROM scratch\nONBUILD COPY . /app\nRUN make\n"u8.ToArray())));
    }

    // The text with every COPY and ADD instruction cut out (its whole span, continuation lines and heredocs included).
    private static byte[] WithoutCopies(DockerfileSyntax tree)
    {
        var text = tree.Source.Text;
        var kept = new StringBuilder(text.Length);
        int at = 0;
        foreach (var instruction in tree.Instructions)
        {
            if (instruction.Kind is not (InstructionKind.Copy or InstructionKind.Add)) continue;
            kept.Append(text, at, instruction.Span.Start - at);
            at = instruction.Span.End;
        }
        kept.Append(text, at, text.Length - at);
        return SourceText.Encode(kept.ToString());
    }

    internal static (byte[] Bytes, BuildContext? Context) Load(string name)
    {
        if (name.StartsWith("rules/", StringComparison.Ordinal))
        {
            var fixture = RuleFixture.Load(Path.Combine(RepositoryPaths.Fixtures, name));
            return (fixture.DockerfileBytes, fixture.Context);
        }
        if (name.StartsWith("corpus/", StringComparison.Ordinal))
        {
            var corpusCase = CorpusCase.All().Single(c => "corpus/" + c.Name == name);
            var dir = Path.Combine(RepositoryPaths.Shared, name);
            return (File.ReadAllBytes(Path.Combine(dir, "Dockerfile")), BuildContext.Open(new DirectoryContext(dir), corpusCase.DockerfileInContext));
        }
        var folder = Path.Combine(ConformanceCases, name["conformance/".Length..]);
        var file = Directory.GetFiles(folder).Single(f => Path.GetFileName(f).StartsWith("Dockerfile", StringComparison.Ordinal));
        return (File.ReadAllBytes(file), BuildContext.Open(new DirectoryContext(folder), Path.GetFileName(file)));
    }
}
