namespace DockerReorder.Syntax;

/// <summary>An instruction flag such as <c>--chown=app:app</c>, <c>--link</c> or <c>--mount=type=cache,target=/root/.cache</c>.</summary>
/// <param name="Token">The flag's token (its text is the flag as written).</param>
/// <param name="Name">The flag name without dashes, lower-cased (<c>chown</c>).</param>
/// <param name="Value">The value after <c>=</c>, or null for a bare flag such as <c>--link</c>.</param>
public sealed record FlagSyntax(SyntaxToken Token, string Name, string? Value)
{
    /// <summary>The flag as BuildKit reports it (<c>--name=value</c> or <c>--name</c>).</summary>
    public string Text => Token.Value;
}
