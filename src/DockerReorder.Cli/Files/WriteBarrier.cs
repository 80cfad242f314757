namespace DockerReorder.Cli.Files;

/// <summary>
/// A test seam for the "file changed on disk between read and write" check: when the environment
/// variable <c>DOCKER_REORDER_WRITE_BARRIER</c> names a file, the writer creates it just before it
/// checks the original, then waits (at most 30 s) until something deletes it. A process-level test
/// uses the pause to change the Dockerfile. Unset, it costs one environment lookup.
/// </summary>
public static class WriteBarrier
{
    /// <summary>The environment variable naming the barrier file.</summary>
    public const string Variable = "DOCKER_REORDER_WRITE_BARRIER";

    /// <summary>Waits at the barrier when one is configured.</summary>
    public static void Wait()
    {
        var path = Environment.GetEnvironmentVariable(Variable);
        if (string.IsNullOrEmpty(path)) return;
        File.WriteAllText(path, "");
        var deadline = DateTime.UtcNow.AddSeconds(30);
        while (File.Exists(path) && DateTime.UtcNow < deadline) Thread.Sleep(20);
    }
}
