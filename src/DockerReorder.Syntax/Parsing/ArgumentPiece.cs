namespace DockerReorder.Syntax.Parsing;

/// <summary>A word found in an instruction's logical line: <c>[Start, End)</c> in logical offsets, and the value BuildKit gives it.</summary>
/// <param name="Start">Logical offset of the word.</param>
/// <param name="End">Logical offset just past the word.</param>
/// <param name="Value">BuildKit's value; empty when <paramref name="IsVerbatim"/> (the value was not made).</param>
/// <param name="Kind">The token kind.</param>
/// <param name="IsVerbatim">True when the value is exactly the text <c>[Start, End)</c> and was left unmade (see <see cref="WordSplitter"/>).</param>
internal readonly record struct ArgumentPiece(int Start, int End, string Value, SyntaxTokenKind Kind = SyntaxTokenKind.Argument, bool IsVerbatim = false);
