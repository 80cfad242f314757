using DockerReorder.Cli.Diffs;

namespace DockerReorder.Cli.Tests;

/// <summary>The project's fixtures/cli folder, copies of its cases, and golden-file checks (*.verified.* by hand; ACCEPT=1 accepts).</summary>
internal static class Fixtures
{
    public static readonly string Root = Locate();

    private static string Locate()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            var candidate = Path.Combine(dir.FullName, "fixtures", "cli");
            if (Directory.Exists(candidate)) return candidate;
        }
        throw new DirectoryNotFoundException("fixtures/cli not found above " + AppContext.BaseDirectory);
    }

    /// <summary>Copies the case folder (without its *.verified.* files) into <paramref name="into"/>.</summary>
    public static void CopyCase(string name, TempFolder into, string subfolder = "")
    {
        var source = Path.Combine(Root, name);
        foreach (var file in Directory.EnumerateFiles(source, "*", SearchOption.AllDirectories))
        {
            if (file.Contains(".verified.", StringComparison.Ordinal) || file.Contains(".received.", StringComparison.Ordinal)) continue;
            var relative = Path.Combine(subfolder, Path.GetRelativePath(source, file));
            into.WriteBytes(relative, File.ReadAllBytes(file));
        }
    }

    /// <summary>Compares <paramref name="actual"/> with the case's <c>NAME.verified.txt</c>; writes <c>.received.txt</c> and fails with a diff on mismatch.</summary>
    public static void Verify(string caseName, string name, string actual)
    {
        var verified = Path.Combine(Root, caseName, name + ".verified.txt");
        var received = Path.Combine(Root, caseName, name + ".received.txt");
        if (Environment.GetEnvironmentVariable("ACCEPT") == "1")
        {
            File.WriteAllText(verified, actual);
            if (File.Exists(received)) File.Delete(received);
            return;
        }
        var expected = File.Exists(verified) ? File.ReadAllText(verified) : null;
        if (string.Equals(expected, actual, StringComparison.Ordinal))
        {
            if (File.Exists(received)) File.Delete(received);
            return;
        }
        File.WriteAllText(received, actual);
        Assert.Fail($"{caseName}/{name}: output differs from the verified file (received file written):\n{UnifiedDiffPrinter.Print(name + ".verified.txt", expected, actual)}");
    }
}
