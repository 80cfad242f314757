namespace DockerReorder.Syntax;

/// <summary>A heredoc attached to an instruction (<c>RUN &lt;&lt;EOF</c> ... <c>EOF</c>).</summary>
/// <param name="Name">The delimiter word without quotes (<c>EOF</c>).</param>
/// <param name="Content">The body, each line with its trailing line feed, not including the terminator line (BuildKit's <c>Heredoc.Content</c>).</param>
/// <param name="Expand">False when the delimiter was quoted (no variable expansion).</param>
/// <param name="Chomp">True for <c>&lt;&lt;-</c> (leading tabs removed).</param>
/// <param name="FileDescriptor">The fd prefix (<c>3&lt;&lt;EOF</c>), 0 when none.</param>
/// <param name="BodySpan">The span of the body and the terminator line, in the source.</param>
public sealed record HeredocSyntax(string Name, string Content, bool Expand, bool Chomp, int FileDescriptor, TextSpan BodySpan);
