using DockerReorder.Engine.Tests.Harness;
using Xunit.Abstractions;

namespace DockerReorder.Engine.Tests;

/// <summary>The stand-in package managers are honest where the safety rules depend on them.</summary>
public sealed class StandinTests(ITestOutputHelper output)
{
    /// <summary>
    /// tests/engine/standin-selftest.sh, run inside the base image: each stand-in reads what the real
    /// tool reads, fails like it when a file is missing, writes where it writes, deterministically.
    /// </summary>
    [EngineFact]
    public void The_stand_ins_read_fail_and_write_like_the_real_tools()
    {
        var script = Path.Combine(Path.GetDirectoryName(EngineCase.CasesFolder)!, "standin-selftest.sh");
        var run = DockerEngine.Connect().Invoke(
            "run", "--rm", "--network", "none", "-v", $"{script}:/selftest.sh:ro", "docker-reorder/base:latest", "sh", "/selftest.sh");
        output.WriteLine(run.StandardOutput);
        Assert.True(run.ExitCode == 0, $"stand-in self-test failed:\n{run.StandardOutput}{run.StandardError}");
        Assert.DoesNotContain("FAIL", run.StandardOutput, StringComparison.Ordinal);
        Assert.Contains("0 failure(s)", run.StandardOutput, StringComparison.Ordinal);
    }
}
