namespace DockerReorder.Engine.Tests.Harness;

/// <summary>A throw-away copy of a build context, so probes can edit files without touching fixtures.</summary>
public sealed class ContextCopy : IDisposable
{
    private ContextCopy(string path) => Path = path;

    /// <summary>The copy's folder.</summary>
    public string Path { get; }

    /// <summary>Copies <paramref name="contextDirectory"/> with <c>cp -a</c>, which keeps modes and symlinks as Docker would see them.</summary>
    public static ContextCopy Create(string contextDirectory)
    {
        var parent = Directory.CreateTempSubdirectory("dr-context-").FullName;
        var target = System.IO.Path.Combine(parent, "context");
        Directory.CreateDirectory(target);
        var run = ProcessRun.Start("cp", ["-a", System.IO.Path.Combine(contextDirectory, "."), target], timeout: TimeSpan.FromMinutes(1));
        if (run.ExitCode != 0)
        {
            throw new InvalidOperationException($"could not copy {contextDirectory}: {run.StandardError}");
        }

        return new ContextCopy(target);
    }

    /// <summary>Deletes the copy.</summary>
    public void Dispose() => Directory.Delete(System.IO.Path.GetDirectoryName(Path)!, recursive: true);
}
