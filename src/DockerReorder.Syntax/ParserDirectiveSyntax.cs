namespace DockerReorder.Syntax;

/// <summary>A parser directive at the top of the file (<c># syntax=...</c>, <c># escape=`</c>, <c># check=...</c>).</summary>
/// <param name="Name">The directive name, lower-cased.</param>
/// <param name="Value">The directive value, trimmed.</param>
/// <param name="Span">The directive line, without its line break.</param>
public sealed record ParserDirectiveSyntax(string Name, string Value, TextSpan Span);
