namespace DockerReorder.Syntax;

/// <summary>A heredoc attached to an instruction (<c>RUN &lt;&lt;EOF</c> ... <c>EOF</c>).</summary>
// Not a positional record: a parsed heredoc's body is cut from the source on first read (a 1 MiB body was copied at parse),
// so Content is computed, and equality compares the values, not the fields.
public sealed record HeredocSyntax
{
    /// <summary>Creates a heredoc.</summary>
    /// <param name="Name">The delimiter word without quotes (<c>EOF</c>).</param>
    /// <param name="Content">The body, each line with its trailing line feed, not including the terminator line (BuildKit's <c>Heredoc.Content</c>).</param>
    /// <param name="Expand">False when the delimiter was quoted (no variable expansion).</param>
    /// <param name="Chomp">True for <c>&lt;&lt;-</c> (leading tabs removed).</param>
    /// <param name="FileDescriptor">The fd prefix (<c>3&lt;&lt;EOF</c>), 0 when none.</param>
    /// <param name="BodySpan">The span of the body and the terminator line, in the source.</param>
#pragma warning disable IDE1006 // the parameters keep the names of the positional record this type was
    public HeredocSyntax(string Name, string Content, bool Expand, bool Chomp, int FileDescriptor, TextSpan BodySpan)
#pragma warning restore IDE1006
    {
        this.Name = Name; _content = Content; this.Expand = Expand; this.Chomp = Chomp; this.FileDescriptor = FileDescriptor; this.BodySpan = BodySpan;
    }

    // The parser's constructor: the body is source[BodySpan.Start..contentEnd), cut on first read.
    internal HeredocSyntax(string name, SourceText source, int contentEnd, bool expand, bool chomp, int fileDescriptor, TextSpan bodySpan)
    {
        Name = name; _source = source; _contentStart = bodySpan.Start; _contentEnd = contentEnd;
        Expand = expand; Chomp = chomp; FileDescriptor = fileDescriptor; BodySpan = bodySpan;
    }

    private string? _content;
    private readonly SourceText? _source;
    private readonly int _contentStart; // kept apart from BodySpan: a copy made with another BodySpan keeps its body
    private readonly int _contentEnd;

    /// <summary>The delimiter word without quotes (<c>EOF</c>).</summary>
    public string Name { get; init; }

    /// <summary>The body, each line with its trailing line feed, not including the terminator line (BuildKit's <c>Heredoc.Content</c>).</summary>
    public string Content
    {
        get => _content ?? Interlocked.CompareExchange(ref _content, _source!.Text.Substring(_contentStart, _contentEnd - _contentStart), null) ?? _content!;
        init => _content = value;
    }

    /// <summary>False when the delimiter was quoted (no variable expansion).</summary>
    public bool Expand { get; init; }

    /// <summary>True for <c>&lt;&lt;-</c> (leading tabs removed).</summary>
    public bool Chomp { get; init; }

    /// <summary>The fd prefix (<c>3&lt;&lt;EOF</c>), 0 when none.</summary>
    public int FileDescriptor { get; init; }

    /// <summary>The span of the body and the terminator line, in the source.</summary>
    public TextSpan BodySpan { get; init; }

    /// <summary>Deconstructs the heredoc into its values, in the order of the constructor.</summary>
#pragma warning disable IDE1006
    public void Deconstruct(out string Name, out string Content, out bool Expand, out bool Chomp, out int FileDescriptor, out TextSpan BodySpan)
#pragma warning restore IDE1006
    {
        Name = this.Name; Content = this.Content; Expand = this.Expand; Chomp = this.Chomp; FileDescriptor = this.FileDescriptor; BodySpan = this.BodySpan;
    }

    /// <summary>True when every value is equal (a body not yet cut from the source compares by its text).</summary>
    public bool Equals(HeredocSyntax? other) =>
        other is not null && (ReferenceEquals(this, other) ||
            Name == other.Name && Expand == other.Expand && Chomp == other.Chomp && FileDescriptor == other.FileDescriptor
            && BodySpan == other.BodySpan && Content == other.Content);

    /// <inheritdoc/>
    public override int GetHashCode() => HashCode.Combine(Name, Content, Expand, Chomp, FileDescriptor, BodySpan);
}
