namespace DockerReorder.Engine.Tests.Harness;

/// <summary>One <c>docker build</c>: the image it made (when it succeeded) and its plain progress log.</summary>
/// <param name="ImageId">The image id (sha256:...), or null when the build failed.</param>
/// <param name="Log">The <c>--progress plain</c> output.</param>
/// <param name="ExitCode">The client's exit code.</param>
public sealed record BuildResult(string? ImageId, string Log, int ExitCode)
{
    /// <summary>True when the build produced an image.</summary>
    public bool Succeeded => ExitCode == 0 && ImageId is not null;

    /// <summary>The steps the log reports, in Dockerfile order.</summary>
    public IReadOnlyList<BuildStep> Steps => BuildLog.Parse(Log);

    /// <summary>The image id, or a failure that shows the log's end.</summary>
    public string RequireImage(string what) =>
        Succeeded ? ImageId! : throw new InvalidOperationException($"{what} failed to build (exit {ExitCode}):\n{Tail(Log, 40)}");

    /// <summary>The last <paramref name="lines"/> lines of <paramref name="text"/>.</summary>
    public static string Tail(string text, int lines)
    {
        var all = text.Split('\n');
        return string.Join('\n', all.Skip(Math.Max(0, all.Length - lines)));
    }
}
