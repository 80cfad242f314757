using System.Text;
using DockerReorder.Analysis.Context;
using DockerReorder.Analysis.Fixes;
using DockerReorder.Analysis.Tests.Support;
using DockerReorder.Syntax;

namespace DockerReorder.Analysis.Tests.Rules;

/// <summary>
/// One folder per behaviour under fixtures/rules: <c>context/</c> is the build context (with the
/// Dockerfile), <c>options.txt</c> optional (<c>no-context</c>, <c>unsafe-fixes</c>,
/// <c>dockerfile=PATH</c>, <c>select=DR002</c>), and the goldens <c>findings.verified.txt</c> (what the
/// rules report on the input) and <c>fixed.verified.Dockerfile</c> (the text after fixing). Every case
/// also checks that fixing is idempotent and that the result re-parses with no new diagnostics.
/// </summary>
public sealed class RuleFixtureTests
{
    /// <summary>Every fixture folder.</summary>
    public static TheoryData<string> Cases()
    {
        var data = new TheoryData<string>();
        foreach (var dir in Directory.GetDirectories(Path.Combine(RepositoryPaths.Fixtures, "rules")).Order(StringComparer.Ordinal))
            data.Add(Path.GetFileName(dir));
        return data;
    }

    [Theory]
    [MemberData(nameof(Cases))]
    public void Fixture(string name)
    {
        var dir = Path.Combine(RepositoryPaths.Fixtures, "rules", name);
        var fixture = RuleFixture.Load(dir);

        var tree = DockerfileParser.Parse(fixture.DockerfileBytes);
        var findings = DockerfileAnalyzer.Analyze(tree, fixture.Context, fixture.Options);
        Golden.Verify(Path.Combine(dir, "findings.verified.txt"), RuleFixture.Describe(findings));

        var outcome = DockerfileAnalyzer.Fix(tree, fixture.Context, fixture.Options, fixture.UnsafeFixes);
        Golden.Verify(Path.Combine(dir, "fixed.verified.Dockerfile"), outcome.FixedText);
        var writesGolden = Path.Combine(dir, "filewrites.verified.txt");
        if (outcome.FileWrites.Count > 0 || File.Exists(writesGolden))
            Golden.Verify(writesGolden, string.Concat(outcome.FileWrites.Select(w => $"== {w.ContextPath} ({(w.OriginalContent is null ? "created" : "extended")})\n{w.NewContent}")));

        var reparsed = DockerfileParser.Parse(outcome.FixedText);
        Assert.Equal(outcome.FixedText, reparsed.ToFullString());
        Assert.True(reparsed.Diagnostics.Count <= tree.Diagnostics.Count,
            "the fixed file has new diagnostics: " + string.Join("; ", reparsed.Diagnostics.Select(d => d.Message)));

        var again = DockerfileAnalyzer.Fix(reparsed, fixture.Context, fixture.Options, fixture.UnsafeFixes);
        Assert.True(outcome.FixedText == again.FixedText, "fixing twice changed the file:\n" + Golden.Diff(outcome.FixedText, again.FixedText));
    }
}

/// <summary>A loaded rule fixture.</summary>
public sealed record RuleFixture(byte[] DockerfileBytes, BuildContext? Context, AnalysisOptions Options, bool UnsafeFixes)
{
    /// <summary>Loads the fixture in <paramref name="dir"/>.</summary>
    public static RuleFixture Load(string dir)
    {
        var options = new Dictionary<string, string>(StringComparer.Ordinal);
        var optionsFile = Path.Combine(dir, "options.txt");
        if (File.Exists(optionsFile))
        {
            foreach (var line in File.ReadAllLines(optionsFile))
            {
                var t = line.Trim();
                if (t.Length == 0 || t.StartsWith('#')) continue;
                int eq = t.IndexOf('=');
                options[eq < 0 ? t : t[..eq]] = eq < 0 ? "" : t[(eq + 1)..];
            }
        }
        var contextDir = Path.Combine(dir, "context");
        var dockerfile = options.TryGetValue("dockerfile", out var df) ? df : "Dockerfile";
        var bytes = File.ReadAllBytes(Path.Combine(contextDir, dockerfile));
        var context = options.ContainsKey("no-context") ? null : BuildContext.Open(new DirectoryContext(contextDir), dockerfile);
        var analysis = new AnalysisOptions
        {
            Select = options.TryGetValue("select", out var sel) ? sel.Split(',').ToHashSet(StringComparer.Ordinal) : null,
        };
        return new RuleFixture(bytes, context, analysis, options.ContainsKey("unsafe-fixes"));
    }

    /// <summary>The findings as golden text: one line each, with the fix's applicability or the reason there is none.</summary>
    public static string Describe(IReadOnlyList<Finding> findings)
    {
        var sb = new StringBuilder();
        foreach (var f in findings)
        {
            sb.Append(f.Position.Line).Append(':').Append(f.Position.Column).Append(' ').Append(f.Rule.Id).Append(' ').Append(f.Message).Append('\n');
            if (f.Fix is { } fix)
            {
                sb.Append("    fix (").Append(fix.Applicability == FixApplicability.Safe ? "safe" : "unsafe").Append("): ").Append(fix.Description).Append('\n');
                if (fix.UnsafeReason is not null) sb.Append("    unsafe because: ").Append(fix.UnsafeReason).Append('\n');
            }
            else
            {
                sb.Append("    no fix: ").Append(f.NoFixReason ?? "(none given)").Append('\n');
            }
        }
        if (findings.Count == 0) sb.Append("no findings\n");
        return sb.ToString();
    }
}
