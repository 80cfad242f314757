namespace DockerReorder.Syntax;

/// <summary>A 1-based line and 1-based column (in characters) in a source text.</summary>
/// <param name="Line">Line number, starting at 1.</param>
/// <param name="Column">Column number, starting at 1.</param>
public readonly record struct LinePosition(int Line, int Column)
{
    /// <inheritdoc/>
    public override string ToString() => $"{Line}:{Column}";
}
