namespace DockerReorder.Syntax.Parsing;

/// <summary>
/// The keyword, the flags and a flag terminator of one instruction: what the analysis reads on every instruction, made
/// without the argument tokens. The instruction's full token set, made later, reuses these objects.
/// </summary>
internal class InstructionHead
{
    public InstructionHead(SyntaxToken keyword, IReadOnlyList<FlagSyntax> flags, IReadOnlyList<SyntaxToken> headTokens)
    {
        Keyword = keyword;
        Flags = flags;
        HeadTokens = headTokens;
    }

    /// <summary>The keyword token.</summary>
    public SyntaxToken Keyword { get; }

    /// <summary>The flags, in order.</summary>
    public IReadOnlyList<FlagSyntax> Flags { get; }

    /// <summary>The first tokens of the instruction: keyword, flags, then the <c>--</c> terminator if any.</summary>
    public IReadOnlyList<SyntaxToken> HeadTokens { get; }

    /// <summary>The instruction's extras, carried here once the head replaces them in the node's one state field (set before the head is published).</summary>
    public InstructionExtras? Extras { get; set; }
}
