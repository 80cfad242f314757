using System.Diagnostics;
using System.Text;
using DockerReorder.Cli.Diffs;

namespace DockerReorder.Cli.Tests.Diffs;

/// <summary>The printed diff is a patch <c>git apply</c> accepts and that turns the before text into the after text, byte for byte.</summary>
public sealed class UnifiedDiffPrinterTests
{
    /// <summary>Before/after pairs covering line breaks, whitespace, BOM and moves.</summary>
    public static TheoryData<string, string, string> Pairs() => new()
    {
        { "move up", "FROM a\nWORKDIR /app\nCOPY . ./\nRUN apk add gcc\nRUN pip install -r requirements.txt\nCMD [\"x\"]\n", "FROM a\nWORKDIR /app\nRUN apk add gcc\nCOPY requirements.txt ./\nRUN pip install -r requirements.txt\nCOPY . ./\nCMD [\"x\"]\n" },
        { "crlf", "FROM a\r\nCOPY . .\r\nRUN apk add x\r\n", "FROM a\r\nRUN apk add x\r\nCOPY . .\r\n" },
        { "crlf to lf on one line", "FROM a\r\nRUN x\r\n", "FROM a\r\nRUN x\n" },
        { "no final newline, both", "FROM a\nCOPY . .\nRUN apk add x", "FROM a\nRUN apk add x\nCOPY . ." },
        { "final newline removed", "FROM a\nRUN x\n", "FROM a\nRUN x" },
        { "final newline added", "FROM a\nRUN x", "FROM a\nRUN x\n" },
        { "trailing spaces", "FROM a  \nRUN x\t\n", "FROM a\nRUN x\t \n" },
        { "bom kept", "\uFEFFFROM a\nCOPY . .\nRUN apk add x\n", "\uFEFFFROM a\nRUN apk add x\nCOPY . .\n" },
        { "bom removed", "\uFEFFFROM a\n", "FROM a\n" },
        { "insert at start", "FROM a\nRUN x\n", "# syntax=docker/dockerfile:1\nFROM a\nRUN x\n" },
        { "insert at end", "FROM a\nRUN x\n", "FROM a\nRUN x\nCMD [\"y\"]\n" },
        { "from empty", "", "FROM a\n" },
        { "to empty", "FROM a\n", "" },
        { "lone cr inside a line", "FROM a\nRUN x\ry\nRUN z\n", "FROM a\nRUN z\nRUN x\ry\n" },
        { "two hunks far apart", Lines(1, 30), Lines(1, 30).Replace("line 3\n", "line three\n").Replace("line 27\n", "line twenty-seven\n") },
        { "two changes sharing a hunk", Lines(1, 20), Lines(1, 20).Replace("line 5\n", "").Replace("line 11\n", "line 11\nline 11b\n") },
        { "non-ascii", "FROM a\nLABEL x=\"é ✓\"\nRUN y\n", "FROM a\nRUN y\nLABEL x=\"é ✓\"\n" },
    };

    private static string Lines(int from, int to) => string.Concat(Enumerable.Range(from, to - from + 1).Select(i => $"line {i}\n"));

    /// <summary>git apply of the printed diff reproduces the after text exactly.</summary>
    [Theory]
    [MemberData(nameof(Pairs))]
    public void Printed_diff_applies_with_git_apply(string name, string before, string after)
    {
        using var temp = new TempFolder();
        var diff = UnifiedDiffPrinter.Print("Dockerfile", before, after);
        temp.WriteBytes("Dockerfile", Encoding.UTF8.GetBytes(before));
        temp.WriteBytes("fix.patch", Encoding.UTF8.GetBytes(diff));
        var (code, output) = Git(temp.Path, "apply", "--whitespace=nowarn", "fix.patch");
        Assert.True(code == 0, $"{name}: git apply failed: {output}\n{diff}");
        Assert.Equal(Encoding.UTF8.GetBytes(after), temp.ReadBytes("Dockerfile"));
    }

    /// <summary>Equal texts have no diff.</summary>
    [Fact]
    public void Equal_texts_print_nothing() => Assert.Equal("", UnifiedDiffPrinter.Print("Dockerfile", "FROM a\n", "FROM a\n"));

    /// <summary>The exact shape: headers, a hunk header with counts, three lines of context.</summary>
    [Fact]
    public void Prints_headers_hunk_ranges_and_three_lines_of_context()
    {
        var diff = UnifiedDiffPrinter.Print("svc/Dockerfile", Lines(1, 10), Lines(1, 10).Replace("line 6\n", "line six\n"));
        Assert.Equal("--- a/svc/Dockerfile\n+++ b/svc/Dockerfile\n@@ -3,7 +3,7 @@\n line 3\n line 4\n line 5\n-line 6\n+line six\n line 7\n line 8\n line 9\n", diff);
    }

    /// <summary>A missing final newline is marked the way diff(1) marks it.</summary>
    [Fact]
    public void Marks_a_missing_final_newline()
    {
        var diff = UnifiedDiffPrinter.Print("Dockerfile", "FROM a\nRUN x", "FROM a\nRUN x\n");
        Assert.Equal("--- a/Dockerfile\n+++ b/Dockerfile\n@@ -1,2 +1,2 @@\n FROM a\n-RUN x\n\\ No newline at end of file\n+RUN x\n", diff);
    }

    /// <summary>The CR of a CRLF line stays in the diff line (visible to a byte-exact reader).</summary>
    [Fact]
    public void Keeps_carriage_returns_in_the_lines()
    {
        var diff = UnifiedDiffPrinter.Print("Dockerfile", "FROM a\r\nRUN x\r\n", "FROM a\r\nRUN y\r\n");
        Assert.Contains("-RUN x\r\n+RUN y\r\n", diff, StringComparison.Ordinal);
    }

    /// <summary>A created file (a new .dockerignore) diffs against /dev/null and applies as a creation.</summary>
    [Fact]
    public void New_file_diffs_against_dev_null_and_applies()
    {
        using var temp = new TempFolder();
        var diff = UnifiedDiffPrinter.Print(".dockerignore", null, ".git\nnode_modules\n");
        Assert.StartsWith("--- /dev/null\n+++ b/.dockerignore\n@@ -0,0 +1,2 @@\n", diff, StringComparison.Ordinal);
        temp.Write("fix.patch", diff);
        var (code, output) = Git(temp.Path, "apply", "fix.patch");
        Assert.True(code == 0, output);
        Assert.Equal(".git\nnode_modules\n", temp.Read(".dockerignore"));
    }

    internal static (int Code, string Output) Git(string directory, params string[] args)
    {
        var start = new ProcessStartInfo("git") { WorkingDirectory = directory, RedirectStandardOutput = true, RedirectStandardError = true };
        foreach (var a in args) start.ArgumentList.Add(a);
        using var p = Process.Start(start)!;
        var stdout = p.StandardOutput.ReadToEndAsync();
        var stderr = p.StandardError.ReadToEnd();
        p.WaitForExit();
        return (p.ExitCode, stdout.Result + stderr);
    }
}
