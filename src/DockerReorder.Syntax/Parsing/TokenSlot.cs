namespace DockerReorder.Syntax.Parsing;

/// <summary>One token of an instruction as offsets into the source: the compact form kept until someone asks for tokens.</summary>
/// <param name="Start">Source offset of the token.</param>
/// <param name="End">Source offset just past the token.</param>
/// <param name="Kind">The token kind.</param>
/// <param name="Role">Flag, argument or other.</param>
/// <param name="Value">The logical value; null when it is exactly the source text <c>[Start, End)</c> (made on demand).</param>
internal readonly record struct TokenSlot(int Start, int End, SyntaxTokenKind Kind, TokenRole Role, string? Value);
