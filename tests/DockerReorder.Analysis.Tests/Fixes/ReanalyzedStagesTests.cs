using System.Text;
using DockerReorder.Analysis.Catalogue;
using DockerReorder.Analysis.Context;
using DockerReorder.Analysis.Fixes;
using DockerReorder.Analysis.Model;
using DockerReorder.Analysis.Tests.Rules;
using DockerReorder.Analysis.Tests.Support;
using DockerReorder.Syntax;

namespace DockerReorder.Analysis.Tests.Fixes;

/// <summary>
/// A fix round after the first plans only the stages that can have a finding (<see cref="ReanalyzedStages"/>): the ones
/// the last round's edits touched, the ones that had a finding, and the ones built on either. That is only right if
/// fixing gives exactly what planning every stage in every round gives: the same fixed text, findings, fixes, findings
/// left and file writes. Checked on every rule fixture, corpus case and conformance case, alone and three times over
/// (a file of many stages), and on files of several stages drawn at random from the fixtures and the corpus.
/// </summary>
public sealed class ReanalyzedStagesTests
{
    /// <summary>Every rule fixture, corpus case and parser conformance case.</summary>
    public static TheoryData<string> Cases() => CopyFreeFileTests.Cases();

    [Theory]
    [MemberData(nameof(Cases))]
    public void Skipping_stages_without_findings_fixes_as_planning_every_stage(string name)
    {
        var (bytes, context) = CopyFreeFileTests.Load(name);
        var text = Encoding.UTF8.GetString(bytes);
        foreach (var input in new[] { text, string.Join("\n", text, text, text) })
        {
            var problem = Compare(input, context);
            Assert.True(problem is null, problem);
        }
    }

    [Theory]
    [InlineData(1)]
    [InlineData(2)]
    [InlineData(3)]
    public void Files_of_stages_drawn_at_random_fix_as_planning_every_stage(int seed)
    {
        var sources = Sources();
        var rng = new Random(seed);
        for (int iteration = 0; iteration < 60; iteration++)
        {
            int parts = rng.Next(2, 6);
            var picked = Enumerable.Range(0, parts).Select(_ => sources[rng.Next(sources.Count)]).ToList();
            var text = string.Join("\n", picked.Select(p => File.ReadAllText(Path.Combine(p, "Dockerfile"))));
            var context = BuildContext.Open(new DirectoryContext(picked[0]), "Dockerfile");
            var problem = Compare(text, context);
            Assert.True(problem is null, $"seed {seed}, iteration {iteration}, context {picked[0]}: {problem}\n--- file ---\n{text}");
        }
    }

    [Fact]
    public void The_dockerignore_rule_still_reports_on_the_first_broad_copy_of_an_unplanned_stage()
    {
        // Round one sinks stage 1's copy below `npm ci`; round two plans stage 1 again but not stage 0, whose `COPY src/`
        // has no finding. DR003 looks at the first broad copy of the file, which stays stage 0's: it sends no .git, so
        // nothing is reported. Planned alone, stage 1's `COPY . .` would have been taken for the first and reported.
        var text = "FROM alpine\nCOPY src/ /src/\n\nFROM node:20\nWORKDIR /app\nCOPY . .\nRUN npm ci\n";
        var files = new Dictionary<string, string>
        {
            ["Dockerfile"] = text, ["package.json"] = "{}", ["package-lock.json"] = "{}", ["src/index.js"] = "",
            [".git/HEAD"] = "ref: refs/heads/main\n", [".dockerignore"] = "node_modules\n",
        };
        var context = BuildContext.Open(new InMemoryContextFileSystem(files), "Dockerfile");
        var outcome = DockerfileAnalyzer.Fix(DockerfileParser.Parse(Encoding.UTF8.GetBytes(text)), context, AnalysisOptions.Default, includeUnsafe: false);
        Assert.True(outcome.Changed);
        Assert.DoesNotContain(outcome.RemainingFindings, f => f.Rule.Id == "DR003");
        Assert.Null(Compare(text, context));
    }

    [Fact]
    public void A_stage_built_on_a_replanned_stage_is_planned_too()
    {
        var before = DockerfileParser.Parse("FROM alpine AS base\nCOPY . .\nRUN npm ci\nFROM base\nRUN make\nFROM alpine\nRUN true\nFROM 0\nRUN true\n"u8.ToArray());
        var edit = new TextEdit(new TextSpan(before.Instructions[1].Span.Start, 0), "COPY package.json ./\n");
        var stages = ReanalyzedStages.After(before, [edit], []);
        var after = DockerfileModel.Build(DockerfileParser.Parse(Encoding.UTF8.GetBytes(before.ToFullString().Insert(edit.Span.Start, edit.NewText))));
        Assert.Equal([true, true, false, true], stages.For(after)!);
    }

    [Fact]
    public void An_insertion_at_a_stage_boundary_replans_the_stages_on_both_sides()
    {
        var before = DockerfileParser.Parse("FROM a\nCOPY . .\nRUN x\nFROM b\nRUN y\nFROM c\nRUN z\n"u8.ToArray());
        var boundary = before.Instructions[3].Span.Start;
        var stages = ReanalyzedStages.After(before, [new TextEdit(new TextSpan(boundary, 0), "COPY . .\n")], []);
        Assert.Equal([true, true, false], stages.For(DockerfileModel.Build(before))!);
    }

    [Fact]
    public void A_stage_with_a_finding_is_planned_again_though_no_edit_touched_it()
    {
        var tree = DockerfileParser.Parse("FROM a\nRUN x\nFROM b\nCOPY . .\nRUN npm ci\n"u8.ToArray());
        var model = DockerfileModel.Build(tree);
        var finding = new Finding
        {
            Rule = DockerReorder.Analysis.Rules.InstallAfterBroadCopy.Descriptor,
            Message = "m",
            Span = tree.Instructions[4].Span,
            Position = tree.Source.GetLinePosition(tree.Instructions[4].Span.Start),
        };
        Assert.Equal([false, true], ReanalyzedStages.After(tree, [], [finding]).For(model)!);
        Assert.Null(ReanalyzedStages.After(tree, [], []).For(DockerfileModel.Build(DockerfileParser.Parse("FROM a\n"u8.ToArray()))));
    }

    // Null when fixing with and without skipping gives the same outcome, both with and without unsafe fixes.
    private static string? Compare(string text, BuildContext? context)
    {
        var tree = DockerfileParser.Parse(Encoding.UTF8.GetBytes(text));
        foreach (var unsafeFixes in new[] { false, true })
        {
            var every = Render(DockerfileAnalyzer.Fix(tree, context, AnalysisOptions.Default, unsafeFixes, EcosystemCatalogue.Default, planEveryStage: true));
            var some = Render(DockerfileAnalyzer.Fix(tree, context, AnalysisOptions.Default, unsafeFixes, EcosystemCatalogue.Default, planEveryStage: false));
            if (every != some) return $"unsafe fixes {unsafeFixes}: outcomes differ:\n{Golden.Diff(every, some)}";
        }
        return null;
    }

    private static string Render(FixOutcome outcome)
    {
        var text = new StringBuilder();
        text.Append(outcome.FixedText).Append("\n=== findings\n");
        foreach (var f in outcome.Findings) text.Append(Render(f)).Append('\n');
        text.Append("=== applied\n");
        foreach (var fix in outcome.AppliedFixes) text.Append(fix.Applicability).Append(' ').Append(fix.Description).Append('\n');
        text.Append("=== remaining\n");
        foreach (var f in outcome.RemainingFindings) text.Append(Render(f)).Append('\n');
        text.Append("=== writes\n");
        foreach (var w in outcome.FileWrites) text.Append(w.ContextPath).Append('\n').Append(w.NewContent).Append('\n');
        return text.ToString();
    }

    private static string Render(Finding f) =>
        $"{f.Rule.Id} {f.Span} {f.Position.Line}:{f.Position.Column} {f.Message} | {f.Fix?.Applicability} {f.Fix?.Description} | {f.NoFixReason}";

    // The context folders of the rule fixtures that hold their Dockerfile, and the corpus's when ../shared is beside the clone.
    private static List<string> Sources()
    {
        var sources = Directory.GetDirectories(Path.Combine(RepositoryPaths.Fixtures, "rules")).Order(StringComparer.Ordinal)
            .Select(d => Path.Combine(d, "context")).Where(c => File.Exists(Path.Combine(c, "Dockerfile"))).ToList();
        var corpus = Path.Combine(RepositoryPaths.Shared, "corpus");
        if (Directory.Exists(corpus))
            sources.AddRange(Directory.GetDirectories(corpus).Order(StringComparer.Ordinal).Where(d => File.Exists(Path.Combine(d, "Dockerfile"))));
        return sources;
    }
}
