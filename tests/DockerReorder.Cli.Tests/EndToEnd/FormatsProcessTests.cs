using System.Diagnostics;
using System.Text.Json;

namespace DockerReorder.Cli.Tests.EndToEnd;

/// <summary>The built docker-reorder's machine formats and colour.</summary>
public sealed class FormatsProcessTests
{
    private const string Case = "python-broad-copy";

    /// <summary>--format json: one document with the file, its findings and fix status.</summary>
    [Fact]
    public void Json_format()
    {
        using var t = new TempFolder();
        Fixtures.CopyCase(Case, t);
        var r = CliProcess.Run(t.Path, "--format", "json");
        Assert.True(r.ExitCode == 1, r.ToString());
        using var doc = JsonDocument.Parse(r.StdoutBytes);
        var file = doc.RootElement.GetProperty("files")[0];
        Assert.Equal("Dockerfile", file.GetProperty("path").GetString());
        Assert.True(file.GetProperty("changed").GetBoolean());
        Assert.Contains(file.GetProperty("findings").EnumerateArray(), f => f.GetProperty("rule").GetString() == "DR001" && f.GetProperty("fix").GetString() == "applied");
        Assert.Equal("", r.Stderr);
    }

    /// <summary>Two installs blocked by the same step get findings that say the same: the text report keeps each on its own line, as JSON does.</summary>
    [Fact]
    public void Findings_saying_the_same_keep_their_own_lines()
    {
        using var t = new TempFolder();
        t.Write("Dockerfile", "FROM python:3.12-slim\nWORKDIR /app\nCOPY . .\nRUN ./configure\nRUN pip install -r requirements.txt\nRUN pip install -r requirements-dev.txt\n");
        t.Write("requirements.txt", "flask\n");
        t.Write("requirements-dev.txt", "pytest\n");
        t.Write("configure", "");
        t.Write(".dockerignore", ".git\n");
        var r = CliProcess.Run(t.Path, "--color", "never");
        Assert.True(r.ExitCode == 1, r.ToString());
        var lines = r.Stdout.Split('\n', StringSplitOptions.RemoveEmptyEntries);
        Assert.Equal(2, lines.Length);
        Assert.StartsWith("Dockerfile:5:1: DR001 ", lines[0], StringComparison.Ordinal);
        Assert.StartsWith("Dockerfile:6:1: DR001 ", lines[1], StringComparison.Ordinal);
        Assert.Equal(lines[0]["Dockerfile:5:1".Length..], lines[1]["Dockerfile:6:1".Length..]);
    }

    /// <summary>--format sarif: a SARIF 2.1.0 log with results located in the Dockerfile.</summary>
    [Fact]
    public void Sarif_format()
    {
        using var t = new TempFolder();
        Fixtures.CopyCase(Case, t);
        var r = CliProcess.Run(t.Path, "--format", "sarif");
        Assert.True(r.ExitCode == 1, r.ToString());
        using var doc = JsonDocument.Parse(r.StdoutBytes);
        Assert.Equal("2.1.0", doc.RootElement.GetProperty("version").GetString());
        var results = doc.RootElement.GetProperty("runs")[0].GetProperty("results");
        Assert.Contains(results.EnumerateArray(), x => x.GetProperty("ruleId").GetString() == "DR001"
            && x.GetProperty("locations")[0].GetProperty("physicalLocation").GetProperty("artifactLocation").GetProperty("uri").GetString() == "Dockerfile");
    }

    /// <summary>--format github: workflow-command annotations.</summary>
    [Fact]
    public void GitHub_format()
    {
        using var t = new TempFolder();
        Fixtures.CopyCase(Case, t);
        var r = CliProcess.Run(t.Path, "--format", "github");
        Assert.True(r.ExitCode == 1, r.ToString());
        Assert.Matches(@"(?m)^::(warning|error|notice) file=Dockerfile,line=\d+,col=\d+,title=DR001 [^:]+::.+$", r.Stdout);
    }

    /// <summary>--color always colours the diff; never and auto (output not a terminal) do not.</summary>
    [Fact]
    public void Color_option()
    {
        using var t = new TempFolder();
        Fixtures.CopyCase(Case, t);
        Assert.Contains("\u001b[31m-COPY . ./", CliProcess.Run(t.Path, "--color", "always").Stdout, StringComparison.Ordinal);
        Assert.DoesNotContain("\u001b[", CliProcess.Run(t.Path, "--color", "never").Stdout, StringComparison.Ordinal);
        var auto = CliProcess.Run(t.Path);
        Assert.Contains("-COPY . ./", auto.Stdout, StringComparison.Ordinal);
        Assert.DoesNotContain("\u001b[", auto.Stdout, StringComparison.Ordinal);
    }

    /// <summary>On a terminal (a pseudo-terminal from script(1)) auto colours, unless NO_COLOR is set.</summary>
    [Fact]
    public void Color_auto_on_a_terminal_and_no_color()
    {
        using var t = new TempFolder();
        Fixtures.CopyCase(Case, t);
        Assert.Contains("\u001b[31m-COPY . ./", OnTerminal(t.Path, null), StringComparison.Ordinal);
        Assert.DoesNotContain("\u001b[31m", OnTerminal(t.Path, "1"), StringComparison.Ordinal);
    }

    private static string OnTerminal(string directory, string? noColor)
    {
        var dll = Path.Combine(AppContext.BaseDirectory, "docker-reorder.dll");
        var start = new ProcessStartInfo("script") { WorkingDirectory = directory, RedirectStandardOutput = true, RedirectStandardError = true, RedirectStandardInput = true };
        foreach (var a in new[] { "-q", "-e", "-c", $"dotnet '{dll}' --diff", "/dev/null" }) start.ArgumentList.Add(a);
        start.Environment.Remove("NO_COLOR");
        if (noColor is not null) start.Environment["NO_COLOR"] = noColor;
        using var p = Process.Start(start)!;
        p.StandardInput.Close();
        var output = p.StandardOutput.ReadToEndAsync();
        p.StandardError.ReadToEnd();
        p.WaitForExit(60_000);
        return output.Result;
    }
}
