namespace DockerReorder.Syntax.Parsing;

/// <summary>The tokens, flags and trivia of one instruction, made together so they share token objects.</summary>
internal sealed record InstructionTokens(
    IReadOnlyList<SyntaxTrivia> LeadingTrivia,
    IReadOnlyList<SyntaxToken> Tokens,
    IReadOnlyList<FlagSyntax> Flags,
    IReadOnlyList<SyntaxToken> ArgumentTokens,
    SyntaxToken Keyword);
