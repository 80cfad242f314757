namespace DockerReorder.Engine.Tests.Harness;

/// <summary>
/// Appends one row per judged case to the file named by DOCKER_REORDER_ENGINE_SUMMARY (tests/engine/run.sh
/// sets it and prints the table at the end); does nothing when the variable is unset.
/// </summary>
public static class EngineSummary
{
    /// <summary>The variable naming the summary file.</summary>
    public const string FileVariable = "DOCKER_REORDER_ENGINE_SUMMARY";

    private static readonly Lock Gate = new();

    /// <summary>Records "case, check, builds, image equal, cached steps before → after" as a tab-separated row.</summary>
    public static void Record(string caseName, string check, string builds, string imageEqual, string cached)
    {
        var path = Environment.GetEnvironmentVariable(FileVariable);
        if (string.IsNullOrEmpty(path))
        {
            return;
        }

        lock (Gate)
        {
            File.AppendAllText(path, string.Join('\t', caseName, check, builds, imageEqual, cached) + "\n");
        }
    }
}
