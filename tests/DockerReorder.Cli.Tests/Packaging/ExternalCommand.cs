using System.Diagnostics;

namespace DockerReorder.Cli.Tests.Packaging;

/// <summary>What one external command printed and returned, with its command line for failure messages.</summary>
internal sealed record CommandResult(string CommandLine, int ExitCode, string Stdout, string Stderr, TimeSpan Elapsed)
{
    public override string ToString() => $"$ {CommandLine}\nexit {ExitCode} after {Elapsed.TotalSeconds:F1} s\n--- stdout\n{Stdout}\n--- stderr\n{Stderr}";
}

/// <summary>Runs a program (dotnet, git, pre-commit, a built docker-reorder) to completion and captures its output.</summary>
internal static class ExternalCommand
{
    /// <summary>Long enough for an AOT publish or a pre-commit environment install on two busy cores.</summary>
    private static readonly TimeSpan Limit = TimeSpan.FromMinutes(15);

    public static CommandResult Run(string program, string workingDirectory, IEnumerable<string> args, IReadOnlyDictionary<string, string?>? environment = null)
    {
        var start = new ProcessStartInfo(program)
        {
            WorkingDirectory = workingDirectory,
            RedirectStandardInput = true,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        foreach (var a in args) start.ArgumentList.Add(a);
        start.Environment["DOTNET_NOLOGO"] = "1";
        start.Environment["DOTNET_CLI_TELEMETRY_OPTOUT"] = "1";
        start.Environment.Remove("NO_COLOR");
        // The test host's MSBuild variables would point a nested dotnet at the test run's own build.
        foreach (var key in new[] { "MSBuildExtensionsPath", "MSBuildSDKsPath", "MSBUILD_EXE_PATH", "DOTNET_HOST_PATH" }) start.Environment.Remove(key);
        if (environment is not null)
        {
            foreach (var (k, v) in environment)
            {
                if (v is null) start.Environment.Remove(k); else start.Environment[k] = v;
            }
        }
        var commandLine = string.Join(' ', new[] { program }.Concat(start.ArgumentList));
        var clock = Stopwatch.StartNew();
        using var process = Process.Start(start) ?? throw new InvalidOperationException("could not start " + commandLine);
        var stdout = process.StandardOutput.ReadToEndAsync();
        var stderr = process.StandardError.ReadToEndAsync();
        process.StandardInput.Close();
        if (!process.WaitForExit(Limit))
        {
            process.Kill(entireProcessTree: true);
            throw new TimeoutException($"{commandLine} did not finish in {Limit.TotalMinutes} min");
        }
        return new CommandResult(commandLine, process.ExitCode, stdout.Result, stderr.Result, clock.Elapsed);
    }

    /// <summary>Runs the command and fails the test with its full output unless it exits 0.</summary>
    public static CommandResult Succeed(string program, string workingDirectory, IEnumerable<string> args, IReadOnlyDictionary<string, string?>? environment = null)
    {
        var r = Run(program, workingDirectory, args, environment);
        if (r.ExitCode != 0) throw new InvalidOperationException("command failed:\n" + r);
        return r;
    }

    /// <summary>The full path of <paramref name="program"/> on PATH, or null when it is not installed.</summary>
    public static string? FindOnPath(string program)
    {
        foreach (var dir in (Environment.GetEnvironmentVariable("PATH") ?? "").Split(Path.PathSeparator, StringSplitOptions.RemoveEmptyEntries))
        {
            var candidate = Path.Combine(dir, program);
            if (File.Exists(candidate)) return candidate;
        }
        return null;
    }
}
