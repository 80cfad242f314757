using System.Text;
using System.Text.Json;

namespace DockerReorder.Cli.Tests.EndToEnd;

/// <summary>
/// The built docker-reorder starts its collector with a heap hard limit and lifts it at once (StartupHeapLimit): a file
/// whose check needs several times that limit is checked as usual, from a path and from standard input.
/// </summary>
public sealed class StartupHeapLimitProcessTests
{
    // One fix (the install above many steps that need no source), so fixing builds a second text and tree of the whole file.
    private const string Head = "FROM python:3.12\nWORKDIR /app\nCOPY . .\nRUN pip install -r requirements.txt\n";

    private static long ConfiguredLimit()
    {
        var config = Path.Combine(AppContext.BaseDirectory, "docker-reorder.runtimeconfig.json");
        using var document = JsonDocument.Parse(File.ReadAllText(config));
        return document.RootElement.GetProperty("runtimeOptions").GetProperty("configProperties").GetProperty("System.GC.HeapHardLimit").GetInt64();
    }

    private static string BigDockerfile(long atLeastBytes)
    {
        var text = new StringBuilder(Head);
        for (int i = 0; text.Length < atLeastBytes; i++) text.Append(System.Globalization.CultureInfo.InvariantCulture, $"RUN echo step {i} of the build\n");
        return text.ToString();
    }

    /// <summary>The limit is in the runtime configuration the process starts with (else the other tests prove nothing).</summary>
    [Fact]
    public void The_built_tool_starts_with_a_heap_limit()
    {
        Assert.InRange(ConfiguredLimit(), 1, 256L << 20);
    }

    /// <summary>A file of a twelfth of the limit needs several times the limit to check (text, trees, model, plans).</summary>
    [Fact]
    public void A_file_bigger_than_the_limit_allows_is_checked()
    {
        using var t = new TempFolder();
        t.Write("requirements.txt", "flask\n");
        t.Write("Dockerfile", BigDockerfile(ConfiguredLimit() / 12));
        var r = CliProcess.Run(t.Path, "--check", "Dockerfile");
        Assert.True(r.ExitCode == 1, r.ToString());
        Assert.Equal("Dockerfile\n", r.Stdout);
        Assert.DoesNotContain("memory", r.Stderr, StringComparison.OrdinalIgnoreCase);
    }

    /// <summary>Standard input is read whole before it is checked: it too may be bigger than the limit allows.</summary>
    [Fact]
    public void Standard_input_bigger_than_the_limit_allows_is_fixed()
    {
        using var t = new TempFolder();
        t.Write("requirements.txt", "flask\n");
        var input = Encoding.UTF8.GetBytes(BigDockerfile(ConfiguredLimit() / 12));
        var r = CliProcess.Run(t.Path, input, null, "-", "--write");
        // Exit 1: the broad copy's missing .dockerignore (DR003) is left, its fix being unsafe.
        Assert.True(r.ExitCode == 1, $"exit {r.ExitCode}\n{r.Stderr}");
        Assert.Contains("fixed 1 file;", r.Stderr, StringComparison.Ordinal);
        Assert.Contains("COPY requirements.txt ./\n", r.Stdout, StringComparison.Ordinal);
        Assert.DoesNotContain("memory", r.Stderr, StringComparison.OrdinalIgnoreCase);
    }
}
