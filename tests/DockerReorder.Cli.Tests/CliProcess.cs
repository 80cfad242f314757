using System.Diagnostics;
using System.Text;

namespace DockerReorder.Cli.Tests;

/// <summary>The result of one run of the built docker-reorder.</summary>
internal sealed record CliResult(int ExitCode, byte[] StdoutBytes, string Stderr)
{
    public string Stdout => Encoding.UTF8.GetString(StdoutBytes);

    public override string ToString() => $"exit {ExitCode}\n--- stdout\n{Stdout}\n--- stderr\n{Stderr}";
}

/// <summary>Runs the built docker-reorder (the Cli project's docker-reorder.dll, copied next to this test assembly) with <c>dotnet</c>.</summary>
internal static class CliProcess
{
    public static readonly string DllPath = Locate();

    private static string Locate()
    {
        var next = Path.Combine(AppContext.BaseDirectory, "docker-reorder.dll");
        if (File.Exists(next) && File.Exists(Path.Combine(AppContext.BaseDirectory, "docker-reorder.runtimeconfig.json"))) return next;
        throw new FileNotFoundException("docker-reorder.dll (with its runtimeconfig) is not next to the test assembly", next);
    }

    public static CliResult Run(string workingDirectory, params string[] args) => Run(workingDirectory, null, null, args);

    public static CliResult Run(string workingDirectory, byte[]? stdin, IReadOnlyDictionary<string, string?>? environment, params string[] args)
    {
        var start = new ProcessStartInfo("dotnet")
        {
            WorkingDirectory = workingDirectory,
            RedirectStandardInput = true,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        start.ArgumentList.Add(DllPath);
        foreach (var a in args) start.ArgumentList.Add(a);
        start.Environment.Remove("NO_COLOR");
        start.Environment["DOTNET_NOLOGO"] = "1";
        if (environment is not null)
        {
            foreach (var (k, v) in environment)
            {
                if (v is null) start.Environment.Remove(k); else start.Environment[k] = v;
            }
        }
        using var process = Process.Start(start)!;
        var stdoutTask = Task.Run(() =>
        {
            using var ms = new MemoryStream();
            process.StandardOutput.BaseStream.CopyTo(ms);
            return ms.ToArray();
        });
        var stderrTask = process.StandardError.ReadToEndAsync();
        if (stdin is not null) process.StandardInput.BaseStream.Write(stdin);
        process.StandardInput.Close();
        if (!process.WaitForExit(300_000))
        {
            process.Kill(entireProcessTree: true);
            throw new TimeoutException("docker-reorder did not finish in 300 s");
        }
        return new CliResult(process.ExitCode, stdoutTask.Result, stderrTask.Result);
    }
}
