namespace DockerReorder.Syntax;

/// <summary>A range of characters in a <see cref="SourceText"/>: <c>[Start, Start + Length)</c>.</summary>
/// <param name="Start">Offset of the first character.</param>
/// <param name="Length">Number of characters.</param>
public readonly record struct TextSpan(int Start, int Length)
{
    /// <summary>Offset just past the last character.</summary>
    public int End => Start + Length;

    /// <summary>Creates a span from a start and an exclusive end offset.</summary>
    public static TextSpan FromBounds(int start, int end) => new(start, end - start);

    /// <summary>True when <paramref name="offset"/> lies inside the span.</summary>
    public bool Contains(int offset) => offset >= Start && offset < End;
}
