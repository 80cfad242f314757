namespace DockerReorder.Cli.Tests.EndToEnd;

/// <summary>
/// On every rule fixture (fixtures/rules/*/context, with its options): the diff the dry run prints,
/// applied with <c>git apply</c> to a copy, gives byte for byte what <c>--write</c> writes.
/// </summary>
public sealed class EveryFixtureDiffTests
{
    private static string RulesRoot => Path.GetFullPath(Path.Combine(Fixtures.Root, "..", "rules"));

    /// <summary>Every rule fixture folder.</summary>
    public static TheoryData<string> Cases()
    {
        var data = new TheoryData<string>();
        foreach (var dir in Directory.GetDirectories(RulesRoot).Order(StringComparer.Ordinal))
        {
            var options = Path.Combine(dir, "options.txt");
            // The CLI always has a context: the no-context fixtures are the library's to check.
            if (File.Exists(options) && File.ReadAllLines(options).Contains("no-context")) continue;
            data.Add(Path.GetFileName(dir));
        }
        return data;
    }

    [Theory]
    [MemberData(nameof(Cases))]
    public void Printed_diff_applied_with_git_equals_write(string name)
    {
        var caseDir = Path.Combine(RulesRoot, name);
        var options = File.Exists(Path.Combine(caseDir, "options.txt")) ? File.ReadAllLines(Path.Combine(caseDir, "options.txt")) : [];
        var args = new List<string>();
        if (options.Contains("unsafe-fixes")) args.Add("--unsafe-fixes");
        var dockerfile = options.FirstOrDefault(o => o.StartsWith("dockerfile=", StringComparison.Ordinal))?["dockerfile=".Length..] ?? "Dockerfile";

        using var dry = new TempFolder();
        using var written = new TempFolder();
        Copy(Path.Combine(caseDir, "context"), dry.Path);
        Copy(Path.Combine(caseDir, "context"), written.Path);
        var diff = CliProcess.Run(dry.Path, [.. args, "--diff", dockerfile]);
        Assert.True(diff.ExitCode is 0 or 1, diff.ToString());
        var write = CliProcess.Run(written.Path, [.. args, "--write", dockerfile]);
        Assert.True(write.ExitCode is 0 or 1, write.ToString());
        if (diff.StdoutBytes.Length > 0)
        {
            dry.WriteBytes("../" + Path.GetFileName(dry.Path) + ".patch", diff.StdoutBytes);
            var patch = Path.Combine(Path.GetDirectoryName(dry.Path)!, Path.GetFileName(dry.Path) + ".patch");
            var (code, output) = Diffs.UnifiedDiffPrinterTests.Git(dry.Path, "apply", patch);
            File.Delete(patch);
            Assert.True(code == 0, $"git apply failed: {output}\n{System.Text.Encoding.UTF8.GetString(diff.StdoutBytes)}");
        }
        Assert.Equal(written.ReadBytes(dockerfile), dry.ReadBytes(dockerfile));
    }

    private static void Copy(string from, string to)
    {
        foreach (var file in Directory.EnumerateFiles(from, "*", SearchOption.AllDirectories))
        {
            var target = Path.Combine(to, Path.GetRelativePath(from, file));
            Directory.CreateDirectory(Path.GetDirectoryName(target)!);
            File.Copy(file, target, overwrite: true);
        }
    }
}
