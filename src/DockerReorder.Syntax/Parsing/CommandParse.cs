namespace DockerReorder.Syntax.Parsing;

/// <summary>
/// What BuildKit's <c>newNodeFromLine</c> makes of one logical line, with every piece located in the line:
/// keyword, flags, argument values (the <c>Next</c> chain) and the words they came from.
/// </summary>
internal sealed class CommandParse
{
    /// <summary>Keyword piece (its value as written; BuildKit lower-cases it).</summary>
    public ArgumentPiece Keyword { get; set; }

    /// <summary>The keyword lower-cased (BuildKit's <c>Node.Value</c>).</summary>
    public string Command { get; set; } = string.Empty;

    /// <summary>The flags, each with BuildKit's processed text as value.</summary>
    public List<ArgumentPiece> Flags { get; } = [];

    /// <summary>The <c>--</c> word that ended the flags, if any.</summary>
    public ArgumentPiece? FlagTerminator { get; set; }

    /// <summary>Start of the trimmed argument text.</summary>
    public int ArgsStart { get; set; }

    /// <summary>End of the trimmed argument text.</summary>
    public int ArgsEnd { get; set; }

    /// <summary>The logical line the positions refer to.</summary>
    public string Line { get; set; } = string.Empty;

    /// <summary>The trimmed argument text (BuildKit's <c>args</c>), materialised once.</summary>
    public string ArgsText => _argsText ??= ArgsStart == 0 && ArgsEnd == Line.Length ? Line : Line.Substring(ArgsStart, ArgsEnd - ArgsStart);

    private string? _argsText;

    /// <summary><see cref="ArgsText"/> when something already made it (it is then shared, not copied again), else null.</summary>
    public string? ArgsTextIfMade => _argsText;

    /// <summary>
    /// True when the one argument is <see cref="ArgsText"/> and was left out of <see cref="Arguments"/> (a top-level shell-form
    /// RUN, CMD, ENTRYPOINT, SHELL or a one-argument instruction): the node makes it from its arguments text on first read.
    /// </summary>
    public bool ArgumentIsArgsText { get; set; }

    /// <summary>
    /// True when <see cref="Arguments"/> was left unmade (a top-level line of the file's parse, see <see cref="ParseScratch.DeferArguments"/>):
    /// the line was read as far as its diagnostics need, and the node reads it again for its arguments on first access.
    /// </summary>
    public bool ArgumentsDeferred { get; set; }

    /// <summary>BuildKit's <c>Next</c> chain values.</summary>
    public List<string> Arguments { get; } = [];

    /// <summary>The argument tokens in line order, not overlapping (JSON form: one JsonArray piece).</summary>
    public List<ArgumentPiece> Pieces { get; } = [];

    /// <summary>For exec form, one piece per array element (inside the JsonArray piece); empty otherwise.</summary>
    public List<ArgumentPiece> JsonElements { get; } = [];

    /// <summary>True for exec (JSON) form.</summary>
    public bool IsJson { get; set; }

    /// <summary>The ONBUILD sub-instruction.</summary>
    public CommandParse? Child { get; set; }

    /// <summary>BuildKit's error for this line, or null.</summary>
    public string? Error { get; set; }

    /// <summary>Logical offset the error points at.</summary>
    public int ErrorPosition { get; set; }

    /// <summary>How many shell-form words to split: all when tokens will be made from them, else only the first (whose start the parse keeps).</summary>
    public int ShellWordLimit { get; set; } = int.MaxValue;

    /// <summary>The instruction kind.</summary>
    public InstructionKind Kind { get; set; }

    /// <summary>Clears the parse so the object can be reused for the next line (parses are pooled per nesting depth).</summary>
    public void Reset()
    {
        Keyword = default;
        Command = string.Empty;
        Flags.Clear();
        FlagTerminator = null;
        ArgsStart = ArgsEnd = 0;
        Line = string.Empty;
        _argsText = null;
        Arguments.Clear();
        Pieces.Clear();
        JsonElements.Clear();
        IsJson = false;
        Child = null;
        Error = null;
        ErrorPosition = 0;
        Kind = InstructionKind.Unknown;
        ShellWordLimit = int.MaxValue;
        ArgumentIsArgsText = false;
        ArgumentsDeferred = false;
    }

    /// <summary>True when BuildKit would look for heredocs on this line (RUN, COPY, ADD, not JSON; ONBUILD wrapping one).</summary>
    public bool CanContainHeredoc =>
        Kind == InstructionKind.Onbuild
            ? Child is { } c && c.Kind is InstructionKind.Run or InstructionKind.Copy or InstructionKind.Add && !c.IsJson
            : Kind is InstructionKind.Run or InstructionKind.Copy or InstructionKind.Add && !IsJson;
}
