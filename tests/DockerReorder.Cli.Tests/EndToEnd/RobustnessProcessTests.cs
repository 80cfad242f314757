namespace DockerReorder.Cli.Tests.EndToEnd;

/// <summary>The built docker-reorder on bad inputs: one line per problem, exit 2, no stack trace, nothing modified.</summary>
public sealed class RobustnessProcessTests
{
    private static void AssertOneLineError(CliResult r, string expectedLine)
    {
        Assert.True(r.ExitCode == 2, r.ToString());
        Assert.Contains(expectedLine + "\n", r.Stderr, StringComparison.Ordinal);
        Assert.DoesNotContain("   at ", r.Stderr, StringComparison.Ordinal);
        Assert.DoesNotContain("Exception", r.Stderr, StringComparison.Ordinal);
    }

    // Runs the built docker-reorder through /bin/sh, so the redirection can send its output where no test pipe goes.
    private static (int ExitCode, string Stderr) RunRedirected(string workingDirectory, string arguments, string redirection)
    {
        var start = new System.Diagnostics.ProcessStartInfo("/bin/sh") { WorkingDirectory = workingDirectory, RedirectStandardError = true, UseShellExecute = false };
        start.ArgumentList.Add("-c");
        start.ArgumentList.Add($"exec dotnet '{CliProcess.DllPath}' {arguments} {redirection}");
        using var process = System.Diagnostics.Process.Start(start)!;
        string stderr = process.StandardError.ReadToEnd();
        process.WaitForExit();
        return (process.ExitCode, stderr);
    }

    /// <summary>Standard output that cannot be written (a full disk) is one line on standard error and exit 2, not a crash.</summary>
    [Fact]
    public void Unwritable_standard_output()
    {
        if (!OperatingSystem.IsLinux()) return; // /dev/full is Linux's
        using var t = new TempFolder();
        t.Write("Dockerfile", "FROM python:3.12\nCOPY . /app\nRUN pip install -r /app/requirements.txt\n");
        t.Write("requirements.txt", "flask\n");
        var (exitCode, stderr) = RunRedirected(t.Path, "--check Dockerfile", "> /dev/full");
        Assert.True(exitCode == 2, stderr);
        Assert.Equal("docker-reorder: cannot write to standard output: No space left on device\n", stderr);
    }

    /// <summary>A closed standard error loses the summary but not the run: exit code and files as usual.</summary>
    [Fact]
    public void Closed_standard_error()
    {
        if (!OperatingSystem.IsLinux()) return;
        using var t = new TempFolder();
        t.Write("Dockerfile", "FROM python:3.12\nCOPY . /app\nRUN pip install -r /app/requirements.txt\n");
        t.Write("requirements.txt", "flask\n");
        var (exitCode, _) = RunRedirected(t.Path, "--check Dockerfile", "> /dev/null 2>&-");
        Assert.Equal(1, exitCode);
    }

    /// <summary>A path that does not exist.</summary>
    [Fact]
    public void Missing_path()
    {
        using var t = new TempFolder();
        AssertOneLineError(CliProcess.Run(t.Path, "nope/Dockerfile"), "nope/Dockerfile: no such file or directory");
    }

    /// <summary>A folder without Dockerfiles: a warning on stderr, exit 0 (as ruff does); --quiet drops the warning.</summary>
    [Fact]
    public void Folder_without_dockerfiles()
    {
        using var t = new TempFolder();
        t.Write("src/main.py", "print()\n");
        t.Write(".git/Dockerfile", "FROM a\n");
        t.Write("node_modules/x/Dockerfile", "FROM a\n");
        var r = CliProcess.Run(t.Path);
        Assert.Equal(0, r.ExitCode);
        Assert.Equal("", r.Stdout);
        Assert.Equal("warning: no Dockerfiles found\n", r.Stderr);
        Assert.Equal("", CliProcess.Run(t.Path, "--quiet").Stderr);
    }

    /// <summary>Symbolic links are not followed during discovery.</summary>
    [Fact]
    public void Discovery_skips_symlinked_dockerfiles()
    {
        using var t = new TempFolder();
        using var outside = new TempFolder();
        var target = outside.Write("Dockerfile", "FROM a\n");
        File.CreateSymbolicLink(Path.Combine(t.Path, "Dockerfile"), target);
        Directory.CreateSymbolicLink(Path.Combine(t.Path, "linked"), outside.Path);
        var r = CliProcess.Run(t.Path);
        Assert.Equal(0, r.ExitCode);
        Assert.Equal("warning: no Dockerfiles found\n", r.Stderr);
    }

    /// <summary>A file changed on disk between read and write is not overwritten: the writer stops at its barrier, the test edits the file, the write is refused.</summary>
    [Fact]
    public async Task File_changed_between_read_and_write_is_not_overwritten()
    {
        using var t = new TempFolder();
        Fixtures.CopyCase("python-broad-copy", t);
        var barrier = Path.Combine(t.Path, "barrier");
        var edited = "# edited by someone else meanwhile\n" + t.Read("Dockerfile");
        var run = Task.Run(() => CliProcess.Run(t.Path, null, new Dictionary<string, string?> { ["DOCKER_REORDER_WRITE_BARRIER"] = barrier }, "--write"));
        var deadline = DateTime.UtcNow.AddSeconds(120);
        while (!File.Exists(barrier) && !run.IsCompleted && DateTime.UtcNow < deadline) await Task.Delay(20);
        Assert.True(File.Exists(barrier), "the writer never reached its barrier: " + (run.IsCompleted ? (await run).ToString() : "timed out"));
        t.Write("Dockerfile", edited);
        File.Delete(barrier);
        var r = await run;
        AssertOneLineError(r, "Dockerfile: file changed on disk since it was read, not written");
        Assert.Equal(edited, t.Read("Dockerfile"));
        Assert.Empty(Directory.GetFiles(t.Path, "*.tmp", SearchOption.AllDirectories));
    }

    /// <summary>
    /// An unreadable file: one line, exit 2, nothing written. Root reads everything, so as root the
    /// CLI runs as nobody (setpriv, from util-linux) on a file with mode 000.
    /// </summary>
    [Fact]
    [System.Runtime.Versioning.UnsupportedOSPlatform("windows")]
    public async Task Unreadable_file()
    {
        using var t = new TempFolder();
        var file = t.Write("Dockerfile", "FROM a\nCOPY . .\n");
        File.SetUnixFileMode(file, UnixFileMode.None);
        File.SetUnixFileMode(t.Path, (UnixFileMode)0b111_101_101);
        bool root = GeteuidIsZero();
        var start = new System.Diagnostics.ProcessStartInfo(root ? "setpriv" : "dotnet")
        {
            WorkingDirectory = t.Path,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        if (root)
        {
            foreach (var a in new[] { "--reuid=65534", "--regid=65534", "--clear-groups", "dotnet" }) start.ArgumentList.Add(a);
            start.Environment["HOME"] = "/tmp";
            start.Environment["DOTNET_CLI_HOME"] = "/tmp";
        }
        start.ArgumentList.Add(CliProcess.DllPath);
        start.ArgumentList.Add("--write");
        start.ArgumentList.Add("Dockerfile");
        using var process = System.Diagnostics.Process.Start(start)!;
        var stderr = process.StandardError.ReadToEndAsync();
        process.StandardOutput.ReadToEnd();
        Assert.True(process.WaitForExit(120_000), "timed out");
        var r = new CliResult(process.ExitCode, [], await stderr);
        AssertOneLineError(r, "Dockerfile: permission denied");
        File.SetUnixFileMode(file, UnixFileMode.UserRead | UnixFileMode.UserWrite);
        Assert.Equal("FROM a\nCOPY . .\n", File.ReadAllText(file));

        static bool GeteuidIsZero() => File.Exists("/proc/self/status") &&
            File.ReadLines("/proc/self/status").Any(l => l.StartsWith("Uid:", StringComparison.Ordinal) && l.Split('\t', StringSplitOptions.RemoveEmptyEntries).ElementAtOrDefault(2) == "0");
    }

    /// <summary>A binary file (NUL byte) is refused and left alone, even with --write.</summary>
    [Fact]
    public void Binary_file()
    {
        using var t = new TempFolder();
        byte[] bytes = [.. "FROM a\nCOPY . .\n"u8, 0, 1, 2];
        t.WriteBytes("Dockerfile", bytes);
        AssertOneLineError(CliProcess.Run(t.Path, "--write"), "Dockerfile:3:1: binary file (NUL byte), skipped");
        Assert.Equal(bytes, t.ReadBytes("Dockerfile"));
    }

    /// <summary>Invalid UTF-8 is refused with its position and left alone, even with --write.</summary>
    [Fact]
    public void Invalid_utf8()
    {
        using var t = new TempFolder();
        byte[] bytes = [.. "FROM a\nCOPY . .\nRUN echo "u8, 0xC3, 0x28, .. "\n"u8];
        t.WriteBytes("Dockerfile", bytes);
        AssertOneLineError(CliProcess.Run(t.Path, "--write", "Dockerfile"), "Dockerfile:3:10: invalid UTF-8");
        Assert.Equal(bytes, t.ReadBytes("Dockerfile"));
    }

    /// <summary>Binary input on stdin is refused too.</summary>
    [Fact]
    public void Binary_stdin()
    {
        using var t = new TempFolder();
        var r = CliProcess.Run(t.Path, [0x46, 0, 0x0A], null, "-", "--stdin-filename", "svc/Dockerfile");
        AssertOneLineError(r, "svc/Dockerfile:1:2: binary file (NUL byte), skipped");
        Assert.Equal("", r.Stdout);
    }

    /// <summary>A broken configuration file is an error naming its line and column.</summary>
    [Fact]
    public void Invalid_configuration_file()
    {
        using var t = new TempFolder();
        t.Write(".docker-reorder.json", "{\n  \"ignroe\": [\"DR001\"]\n}\n");
        t.Write("svc/Dockerfile", "FROM a\n");
        AssertOneLineError(CliProcess.Run(t.Path), ".docker-reorder.json:2:3: unknown key \"ignroe\" (known: select, ignore, unsafe-fixes, exclude, extra-manifests)");
    }

    /// <summary>One bad file does not stop the others; the exit code is the worst (2).</summary>
    [Fact]
    public void Bad_file_among_good_ones_still_exits_2()
    {
        using var t = new TempFolder();
        t.WriteBytes("a/Dockerfile", [0xFF, 0x0A]);
        Fixtures.CopyCase("clean", t, "b");
        var r = CliProcess.Run(t.Path);
        AssertOneLineError(r, "a/Dockerfile:1:1: invalid UTF-8");
        Assert.DoesNotContain("b/Dockerfile: internal error", r.Stderr, StringComparison.Ordinal); // waits on the parser and rules
    }

    /// <summary>Configuration excludes apply to discovered files, relative to the configuration's folder.</summary>
    [Fact]
    public void Configuration_exclude_skips_discovered_files()
    {
        using var t = new TempFolder();
        t.Write(".docker-reorder.json", "{\"exclude\": [\"legacy/**\"]}");
        t.Write("legacy/Dockerfile", "FROM a\n");
        var r = CliProcess.Run(t.Path);
        Assert.Equal(0, r.ExitCode);
        Assert.Equal("warning: no Dockerfiles found\n", r.Stderr);
    }

    /// <summary>--exclude globs skip files during discovery.</summary>
    [Fact]
    public void Exclude_option_skips_discovered_files()
    {
        using var t = new TempFolder();
        t.Write("old/Dockerfile", "FROM a\n");
        t.Write("x.Dockerfile", "FROM a\n");
        var r = CliProcess.Run(t.Path, "--exclude", "old", "--exclude", "*.Dockerfile");
        Assert.Equal(0, r.ExitCode);
        Assert.Equal("warning: no Dockerfiles found\n", r.Stderr);
    }
}
