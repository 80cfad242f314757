namespace DockerReorder.Cli.Processing;

/// <summary>The one line a bug becomes instead of a stack trace: what it hit, the exception's type and its message's first line.</summary>
public static class InternalError
{
    /// <summary>The line for <paramref name="exception"/>, naming <paramref name="subject"/> (a file, or the program).</summary>
    public static string Describe(string subject, Exception exception) =>
        $"{subject}: internal error: {exception.GetType().Name}: {exception.Message.Split('\n')[0].TrimEnd('\r')}";
}
