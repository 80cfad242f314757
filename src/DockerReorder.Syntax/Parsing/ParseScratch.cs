using System.Text;

namespace DockerReorder.Syntax.Parsing;

/// <summary>
/// Buffers one parse reuses for every line (instance fields, not thread statics, which cost a slow lookup per access).
/// </summary>
internal sealed class ParseScratch
{
    /// <summary>The word being built by <see cref="WordSplitter"/>.</summary>
    public StringBuilder Word { get; } = new();

    /// <summary>The flag being built by <see cref="CommandParser.ExtractBuilderFlags"/>.</summary>
    public StringBuilder FlagWord { get; } = new();

    /// <summary>Open JSON containers (true for an object).</summary>
    public Stack<bool> JsonStack { get; } = new();

    /// <summary>The JSON string being decoded.</summary>
    public StringBuilder JsonString { get; } = new();

    /// <summary>The words of an ENV or LABEL line.</summary>
    public List<ArgumentPiece> NameValueWords { get; } = [];

    /// <summary>True when only tokens are wanted (an instruction read again for its tokens): values no token holds are not made.</summary>
    public bool TokensOnly { get; set; }

    /// <summary>
    /// True for the file's parse: a top-level line's argument values are not made (see <see cref="CommandParse.ArgumentsDeferred"/>),
    /// only what decides its diagnostics is read.
    /// </summary>
    public bool DeferArguments { get; set; }

    /// <summary>Line parses by ONBUILD nesting depth.</summary>
    public List<CommandParse> Parses { get; } = [];
}
