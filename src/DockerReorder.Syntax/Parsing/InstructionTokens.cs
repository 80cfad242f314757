namespace DockerReorder.Syntax.Parsing;

/// <summary>The tokens, flags and trivia of one instruction, made together so they share token objects.</summary>
internal sealed class InstructionTokens : InstructionHead
{
    public InstructionTokens(IReadOnlyList<SyntaxTrivia> leadingTrivia, IReadOnlyList<SyntaxToken> tokens, IReadOnlyList<FlagSyntax> flags,
        IReadOnlyList<SyntaxToken> argumentTokens, SyntaxToken keyword)
        : base(keyword, flags, tokens)
    {
        LeadingTrivia = leadingTrivia;
        Tokens = tokens;
        ArgumentTokens = argumentTokens;
    }

    /// <summary>The trivia before the keyword.</summary>
    public IReadOnlyList<SyntaxTrivia> LeadingTrivia { get; }

    /// <summary>Every token of the instruction.</summary>
    public IReadOnlyList<SyntaxToken> Tokens { get; }

    /// <summary>The argument tokens.</summary>
    public IReadOnlyList<SyntaxToken> ArgumentTokens { get; }
}
