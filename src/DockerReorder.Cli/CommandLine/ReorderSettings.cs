namespace DockerReorder.Cli.CommandLine;

/// <summary>The main command's options after parsing; lists are empty and nullable members null when not given.</summary>
public sealed record ReorderSettings
{
    /// <summary>Files, folders and globs; <c>-</c> for standard input.</summary>
    public IReadOnlyList<string> Paths { get; init; } = [];

    /// <summary>What to do with the fixes.</summary>
    public RunMode Mode { get; init; } = RunMode.DryRun;

    /// <summary><c>--unsafe-fixes</c> (true), <c>--no-unsafe-fixes</c> (false), or neither (null: the configuration decides).</summary>
    public bool? UnsafeFixes { get; init; }

    /// <summary><c>--select</c> rule ids, or null.</summary>
    public IReadOnlyList<string>? Select { get; init; }

    /// <summary><c>--ignore</c> rule ids, or null.</summary>
    public IReadOnlyList<string>? Ignore { get; init; }

    /// <summary><c>--context DIR</c>, or null (each Dockerfile's folder; the working directory for stdin).</summary>
    public string? Context { get; init; }

    /// <summary><c>--stdin-filename</c>, or null.</summary>
    public string? StdinFileName { get; init; }

    /// <summary><c>--include</c> name patterns added to discovery.</summary>
    public IReadOnlyList<string> Include { get; init; } = [];

    /// <summary><c>--exclude</c> globs added to discovery.</summary>
    public IReadOnlyList<string> Exclude { get; init; } = [];

    /// <summary>Report format.</summary>
    public OutputFormat Format { get; init; } = OutputFormat.Text;

    /// <summary>Colour decision input.</summary>
    public ColorMode Color { get; init; } = ColorMode.Auto;

    /// <summary>Only findings and errors: no summary, no warnings.</summary>
    public bool Quiet { get; init; }

    /// <summary>Also the files processed and why findings have no fix.</summary>
    public bool Verbose { get; init; }

    /// <summary>Print the cache prediction before and after the fix.</summary>
    public bool Explain { get; init; }
}
