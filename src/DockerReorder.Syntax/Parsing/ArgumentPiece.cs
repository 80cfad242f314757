namespace DockerReorder.Syntax.Parsing;

/// <summary>A word found in an instruction's logical line: <c>[Start, End)</c> in logical offsets, and the value BuildKit gives it.</summary>
internal readonly record struct ArgumentPiece(int Start, int End, string Value, SyntaxTokenKind Kind = SyntaxTokenKind.Argument);
