namespace DockerReorder.Cli.CommandLine;

/// <summary>The main command's arguments as given, before validation: what either command-line parser hands to the run.</summary>
public sealed record MainArguments
{
    /// <summary>The <c>PATHS</c> argument (empty when none).</summary>
    public IReadOnlyList<string> Paths { get; init; } = [];

    /// <summary><c>--write</c> / <c>-w</c>.</summary>
    public bool Write { get; init; }

    /// <summary><c>--check</c>.</summary>
    public bool Check { get; init; }

    /// <summary><c>--diff</c>.</summary>
    public bool Diff { get; init; }

    /// <summary><c>--unsafe-fixes</c>.</summary>
    public bool UnsafeFixes { get; init; }

    /// <summary><c>--no-unsafe-fixes</c>.</summary>
    public bool NoUnsafeFixes { get; init; }

    /// <summary><c>--select</c> values, or null when not given.</summary>
    public IReadOnlyList<string>? Select { get; init; }

    /// <summary><c>--ignore</c> values, or null when not given.</summary>
    public IReadOnlyList<string>? Ignore { get; init; }

    /// <summary><c>--context</c>, or null.</summary>
    public string? Context { get; init; }

    /// <summary><c>--stdin-filename</c>, or null.</summary>
    public string? StdinFileName { get; init; }

    /// <summary><c>--include</c> values (empty when none).</summary>
    public IReadOnlyList<string> Include { get; init; } = [];

    /// <summary><c>--exclude</c> values (empty when none).</summary>
    public IReadOnlyList<string> Exclude { get; init; } = [];

    /// <summary><c>--format</c> as given (<c>text</c> by default).</summary>
    public string Format { get; init; } = "text";

    /// <summary><c>--color</c> as given (<c>auto</c> by default).</summary>
    public string Color { get; init; } = "auto";

    /// <summary><c>--quiet</c> / <c>-q</c>.</summary>
    public bool Quiet { get; init; }

    /// <summary><c>--verbose</c> / <c>-v</c>.</summary>
    public bool Verbose { get; init; }

    /// <summary><c>--explain</c>.</summary>
    public bool Explain { get; init; }

    /// <summary>Every member on one line, lists spelled out (records compare lists by reference; tests compare this).</summary>
    public string Describe() =>
        $"paths=[{string.Join('|', Paths)}] write={Write} check={Check} diff={Diff} unsafe={UnsafeFixes} no-unsafe={NoUnsafeFixes} " +
        $"select={List(Select)} ignore={List(Ignore)} context={Context ?? "null"} stdin-filename={StdinFileName ?? "null"} " +
        $"include=[{string.Join('|', Include)}] exclude=[{string.Join('|', Exclude)}] format={Format} color={Color} quiet={Quiet} verbose={Verbose} explain={Explain}";

    private static string List(IReadOnlyList<string>? values) => values is null ? "null" : $"[{string.Join('|', values)}]";
}
