namespace DockerReorder.Cli.Tests.Packaging;

/// <summary>Channel 2: <c>dotnet publish -r linux-x64 -p:PublishAot=true</c> gives one self-contained native <c>docker-reorder</c>.</summary>
[Collection(PackagingCollection.Name)]
public sealed class NativeBinaryTests(PublishedNativeBinary native) : IClassFixture<PublishedNativeBinary>
{
    /// <summary>The AOT compiler and the trimmer report nothing: no IL2xxx or IL3xxx warning, no other warning.</summary>
    [Fact]
    public void Publish_reports_no_AOT_or_trimming_warnings()
    {
        var output = native.Publish.Stdout + native.Publish.Stderr;
        Assert.DoesNotContain("warning", output, StringComparison.OrdinalIgnoreCase);
        Assert.Contains("Generating native code", output);
    }

    /// <summary>The publish output is an ELF executable with no managed entry assembly or runtime beside it.</summary>
    [Fact]
    public void Publish_makes_one_native_executable()
    {
        var header = File.ReadAllBytes(native.Executable).AsSpan(0, 4).ToArray();
        Assert.Equal(new byte[] { 0x7F, (byte)'E', (byte)'L', (byte)'F' }, header);
        var beside = Directory.GetFiles(native.PublishFolder).Select(Path.GetFileName).Order(StringComparer.Ordinal).ToArray();
        Assert.DoesNotContain(beside, name => name!.EndsWith(".dll", StringComparison.Ordinal) || name.EndsWith(".so", StringComparison.Ordinal) || name.EndsWith(".json", StringComparison.Ordinal));
    }

    /// <summary>Copied alone (File.Copy keeps the mode) into an empty folder, the binary runs without the .NET runtime (DOTNET_ROOT pointing nowhere).</summary>
    [Fact]
    public void Binary_runs_alone_without_a_dotnet_installation()
    {
        using var alone = new TempFolder();
        var copy = Path.Combine(alone.Path, "docker-reorder");
        File.Copy(native.Executable, copy);
        var environment = new Dictionary<string, string?> { ["DOTNET_ROOT"] = Path.Combine(alone.Path, "no-dotnet"), ["PATH"] = "/usr/bin:/bin" };
        var version = ExternalCommand.Run(copy, alone.Path, ["--version"], environment);
        Assert.True(version.ExitCode == 0, version.ToString());
        Assert.StartsWith("0.1.0", version.Stdout);
    }

    /// <summary>Invariant globalization is compiled in: a run on the seed under a Turkish locale never loads ICU (glibc's LD_DEBUG lists every library loaded).</summary>
    [Fact]
    public void Binary_uses_invariant_globalization()
    {
        using var seed = new TempFolder();
        RepositoryCheckout.CopySeed(seed);
        var environment = new Dictionary<string, string?> { ["LD_DEBUG"] = "libs", ["LANG"] = "tr_TR.UTF-8", ["LC_ALL"] = "tr_TR.UTF-8" };
        var run = ExternalCommand.Run(native.Executable, seed.Path, ["--explain"], environment);
        Assert.True(run.ExitCode == 1, run.ToString());
        Assert.Contains("calling init: /lib/x86_64-linux-gnu/libc.so.6", run.Stderr);
        Assert.DoesNotContain("libicu", run.Stderr);
    }

    /// <summary>The native binary prints the seed's diff (exit 1), fixes it with --write (exit 0), and a second run has nothing to do.</summary>
    [Fact]
    public void Binary_fixes_the_seed_example() => SeedExpectation.Check(native.Executable);
}
