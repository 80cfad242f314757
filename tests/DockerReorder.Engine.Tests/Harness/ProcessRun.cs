using System.Diagnostics;
using System.Text;

namespace DockerReorder.Engine.Tests.Harness;

/// <summary>The outcome of one finished child process.</summary>
/// <param name="ExitCode">The process's exit code.</param>
/// <param name="StandardOutput">Everything it wrote to stdout.</param>
/// <param name="StandardError">Everything it wrote to stderr.</param>
public sealed record ProcessRun(int ExitCode, string StandardOutput, string StandardError)
{
    /// <summary>Runs <paramref name="fileName"/> with <paramref name="arguments"/> to completion.</summary>
    /// <param name="fileName">The program.</param>
    /// <param name="arguments">Its arguments, passed without shell quoting.</param>
    /// <param name="environment">Variables added to the inherited environment.</param>
    /// <param name="timeout">How long to wait before killing it.</param>
    /// <param name="consumeStdout">Reads stdout as a stream instead of text (for tar output); then <see cref="StandardOutput"/> is empty.</param>
    public static ProcessRun Start(
        string fileName,
        IEnumerable<string> arguments,
        IReadOnlyDictionary<string, string>? environment = null,
        TimeSpan? timeout = null,
        Action<Stream>? consumeStdout = null)
    {
        var info = new ProcessStartInfo(fileName)
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        foreach (var argument in arguments)
        {
            info.ArgumentList.Add(argument);
        }

        if (environment is not null)
        {
            foreach (var (name, value) in environment)
            {
                info.Environment[name] = value;
            }
        }

        using var process = Process.Start(info) ?? throw new InvalidOperationException($"could not start {fileName}");
        var stderr = new StringBuilder();
        process.ErrorDataReceived += (_, e) =>
        {
            if (e.Data is not null)
            {
                lock (stderr)
                {
                    stderr.Append(e.Data).Append('\n');
                }
            }
        };
        process.BeginErrorReadLine();

        string stdout = string.Empty;
        var reader = Task.Run(() =>
        {
            if (consumeStdout is null)
            {
                stdout = process.StandardOutput.ReadToEnd();
            }
            else
            {
                consumeStdout(process.StandardOutput.BaseStream);
                // Drain what the consumer left so the child never blocks on a full pipe.
                process.StandardOutput.BaseStream.CopyTo(Stream.Null);
            }
        });

        var limit = timeout ?? TimeSpan.FromMinutes(5);
        if (!process.WaitForExit(limit))
        {
            process.Kill(entireProcessTree: true);
            throw new TimeoutException($"{fileName} {string.Join(' ', arguments)} did not finish within {limit}");
        }

        reader.GetAwaiter().GetResult();
        process.WaitForExit();
        lock (stderr)
        {
            return new ProcessRun(process.ExitCode, stdout, stderr.ToString());
        }
    }
}
