using System.Text.Json;
using DockerReorder.Analysis.Rules;
using DockerReorder.Cli.CommandLine;
using DockerReorder.Cli.Output;
using DockerReorder.Cli.Processing;

namespace DockerReorder.Cli.Tests.Output;

/// <summary>The machine formats and the text lines, on hand-made reports.</summary>
public sealed class ReporterTests
{
    private static readonly RuleDescriptor Dr001 = new("DR001", "install-after-broad-copy", "Dependency install after a broad copy", RuleSeverity.Warning, "help");
    private static readonly RuleDescriptor Dr003 = new("DR003", "broad-copy-without-dockerignore", "Broad copy without .dockerignore", RuleSeverity.Info, "help 3");

    private static FileReport Sample()
    {
        var fixedOne = new ReportedFinding(Dr001, "pip install runs after COPY . ./", 3, 1, FindingStatus.Fixed, null);
        var open = new ReportedFinding(Dr003, "no .dockerignore: every commit, busts the cache", 3, 1, FindingStatus.UnsafeFixAvailable, "creates a file");
        return new FileReport
        {
            DisplayPath = "svc/Dockerfile",
            Findings = [fixedOne, open],
            OnDisk = [fixedOne, open],
            Remaining = [open],
            Changed = true,
            Diff = "--- a/svc/Dockerfile\n+++ b/svc/Dockerfile\n",
        };
    }

    /// <summary>JSON: files with findings and their fix status, and a summary.</summary>
    [Fact]
    public void Json_report_shape()
    {
        var reports = new[] { Sample() };
        using var ms = new MemoryStream();
        JsonReporter.Write(reports, ["nope: no such file or directory"], RunSummary.Of(reports, 1), "0.1.0", ms);
        using var doc = JsonDocument.Parse(ms.ToArray());
        var file = doc.RootElement.GetProperty("files")[0];
        Assert.Equal("svc/Dockerfile", file.GetProperty("path").GetString());
        Assert.True(file.GetProperty("changed").GetBoolean());
        Assert.Equal("applied", file.GetProperty("findings")[0].GetProperty("fix").GetString());
        Assert.Equal("unsafe", file.GetProperty("findings")[1].GetProperty("fix").GetString());
        Assert.Equal("info", file.GetProperty("findings")[1].GetProperty("severity").GetString());
        Assert.Equal(3, file.GetProperty("findings")[1].GetProperty("line").GetInt32());
        Assert.Equal("nope: no such file or directory", doc.RootElement.GetProperty("errors")[0].GetString());
        Assert.Equal(2, doc.RootElement.GetProperty("summary").GetProperty("errors").GetInt32() + doc.RootElement.GetProperty("summary").GetProperty("remaining").GetInt32());
    }

    /// <summary>SARIF 2.1.0: version, driver rules, results with rule index, level and region.</summary>
    [Fact]
    public void Sarif_report_shape()
    {
        using var ms = new MemoryStream();
        SarifReporter.Write([Sample()], [], "0.1.0", ms);
        using var doc = JsonDocument.Parse(ms.ToArray());
        Assert.Equal("2.1.0", doc.RootElement.GetProperty("version").GetString());
        var run = doc.RootElement.GetProperty("runs")[0];
        Assert.Equal("docker-reorder", run.GetProperty("tool").GetProperty("driver").GetProperty("name").GetString());
        var rules = run.GetProperty("tool").GetProperty("driver").GetProperty("rules");
        Assert.Equal(["DR001", "DR003"], rules.EnumerateArray().Select(r => r.GetProperty("id").GetString()));
        var results = run.GetProperty("results");
        Assert.Equal(2, results.GetArrayLength());
        Assert.Equal(1, results[1].GetProperty("ruleIndex").GetInt32());
        Assert.Equal("note", results[1].GetProperty("level").GetString());
        var location = results[0].GetProperty("locations")[0].GetProperty("physicalLocation");
        Assert.Equal("svc/Dockerfile", location.GetProperty("artifactLocation").GetProperty("uri").GetString());
        Assert.Equal(3, location.GetProperty("region").GetProperty("startLine").GetInt32());
        Assert.True(run.GetProperty("invocations")[0].GetProperty("executionSuccessful").GetBoolean());
    }

    /// <summary>GitHub: one workflow command per finding on disk, properties escaped.</summary>
    [Fact]
    public void GitHub_annotations()
    {
        var sw = new StringWriter();
        GitHubReporter.Write(Sample(), sw);
        Assert.Equal(
            "::warning file=svc/Dockerfile,line=3,col=1,title=DR001 install-after-broad-copy::pip install runs after COPY . ./\n" +
            "::notice file=svc/Dockerfile,line=3,col=1,title=DR003 broad-copy-without-dockerignore::no .dockerignore: every commit, busts the cache\n",
            sw.ToString());
    }

    /// <summary>Text: diff in dry run, then PATH:LINE:COL: ID message for what stays; --check lists the path only.</summary>
    [Fact]
    public void Text_lines_per_mode()
    {
        var style = new AnsiStyle(false);
        var dry = new StringWriter();
        TextReporter.Write(Sample(), new ReorderSettings(), dry, style);
        Assert.Equal("--- a/svc/Dockerfile\n+++ b/svc/Dockerfile\nsvc/Dockerfile:3:1: DR003 no .dockerignore: every commit, busts the cache\n", dry.ToString());
        var check = new StringWriter();
        TextReporter.Write(Sample(), new ReorderSettings { Mode = RunMode.Check }, check, style);
        Assert.Equal("svc/Dockerfile\n", check.ToString());
        var diff = new StringWriter();
        TextReporter.Write(Sample(), new ReorderSettings { Mode = RunMode.Diff }, diff, style);
        Assert.Equal("--- a/svc/Dockerfile\n+++ b/svc/Dockerfile\n", diff.ToString());
    }

    /// <summary>Colour: always/never as asked; auto only on a terminal without NO_COLOR.</summary>
    [Theory]
    [InlineData(ColorMode.Auto, true, null, true)]
    [InlineData(ColorMode.Auto, true, "", true)]
    [InlineData(ColorMode.Auto, true, "1", false)]
    [InlineData(ColorMode.Auto, false, null, false)]
    [InlineData(ColorMode.Always, false, "1", true)]
    [InlineData(ColorMode.Never, true, null, false)]
    public void Color_decision(ColorMode mode, bool terminal, string? noColor, bool expected) =>
        Assert.Equal(expected, ColorDecision.UseColor(mode, terminal, noColor));

    /// <summary>Colouring keeps every byte of the diff besides the escape codes.</summary>
    [Fact]
    public void Colored_diff_only_adds_escape_codes()
    {
        const string diff = "--- a/D\n+++ b/D\n@@ -1 +1 @@\n-x\r\n+y\r\n";
        var colored = new AnsiStyle(true).Diff(diff);
        Assert.Contains("\u001b[31m-x\r\u001b[0m\n", colored, StringComparison.Ordinal);
        Assert.Equal(diff, System.Text.RegularExpressions.Regex.Replace(colored, "\u001b\\[[0-9;]*m", ""));
    }

    /// <summary>The summary line.</summary>
    [Fact]
    public void Summary_line()
    {
        Assert.Equal("1 file would be changed; 1 finding remains (1 with an unsafe fix: use --unsafe-fixes)", RunSummary.Of([Sample()], 0).Describe(RunMode.DryRun));
        Assert.Equal("nothing to change in 2 files", new RunSummary(2, 0, 0, 0, 0).Describe(RunMode.DryRun));
        Assert.Equal("fixed 2 files; 1 error", new RunSummary(3, 2, 0, 0, 1).Describe(RunMode.Write));
    }

    /// <summary>Exit code of one file: errors 2, findings or pending changes 1, else 0.</summary>
    [Fact]
    public void File_exit_codes()
    {
        Assert.Equal(1, Sample().ExitCode(written: false));
        Assert.Equal(1, Sample().ExitCode(written: true));
        Assert.Equal(0, (Sample() with { Remaining = [] }).ExitCode(written: true));
        Assert.Equal(1, (Sample() with { Remaining = [] }).ExitCode(written: false));
        Assert.Equal(2, (Sample() with { Errors = ["x"] }).ExitCode(written: true));
    }
}
