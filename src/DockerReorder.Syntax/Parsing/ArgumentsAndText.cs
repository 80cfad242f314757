namespace DockerReorder.Syntax.Parsing;

/// <summary>An instruction's arguments and arguments text once both are known (the node keeps one field for the two).</summary>
/// <param name="Arguments">BuildKit's <c>Next</c> chain values.</param>
/// <param name="Text">The arguments text.</param>
internal sealed record ArgumentsAndText(IReadOnlyList<string> Arguments, string Text);
