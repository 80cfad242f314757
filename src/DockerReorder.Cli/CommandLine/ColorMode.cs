namespace DockerReorder.Cli.CommandLine;

/// <summary>When to colour the text output (<c>--color</c>).</summary>
public enum ColorMode
{
    /// <summary>Only when standard output is a terminal and <c>NO_COLOR</c> is unset or empty.</summary>
    Auto,
    /// <summary>Always (even with <c>NO_COLOR</c>: an explicit flag wins).</summary>
    Always,
    /// <summary>Never.</summary>
    Never,
}
