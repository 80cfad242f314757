namespace DockerReorder.Syntax;

/// <summary>A problem found while parsing. Parsing never throws; problems become diagnostics.</summary>
/// <param name="Severity">Warning or error.</param>
/// <param name="Message">One line, lower-case start, no final period (BuildKit's wording where it has one).</param>
/// <param name="Span">Where the problem is.</param>
/// <param name="Position">The 1-based line and column of <see cref="TextSpan.Start"/>.</param>
public sealed record SyntaxDiagnostic(DiagnosticSeverity Severity, string Message, TextSpan Span, LinePosition Position);
