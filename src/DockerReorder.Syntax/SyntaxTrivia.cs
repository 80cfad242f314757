namespace DockerReorder.Syntax;

/// <summary>A piece of trivia: whitespace, a line break, a comment, a directive or a line continuation.</summary>
/// <param name="Kind">What the trivia is.</param>
/// <param name="Span">Where it is in the source.</param>
/// <param name="Text">Its exact text.</param>
public readonly record struct SyntaxTrivia(TriviaKind Kind, TextSpan Span, string Text);
