namespace DockerReorder.Analysis.Shell;

/// <summary>The kind of a <see cref="ShellToken"/>.</summary>
internal enum ShellTokenKind
{
    Word,
    Operator,
    Redirection,
    Newline,
    End,
}

/// <summary>One token of a shell script: a word (expanded), an operator, a redirection operator, a newline or the end.</summary>
internal readonly record struct ShellToken(
    ShellTokenKind Kind,
    string Text,
    ShellWord Word,
    bool IsQuoted,
    string? AssignmentName,
    int? FileDescriptor,
    IReadOnlyList<ShellList>? Substitutions)
{
    /// <summary>True for an unquoted word spelled exactly <paramref name="text"/> (a reserved word in command position).</summary>
    public bool IsReserved(string text) => Kind == ShellTokenKind.Word && !IsQuoted && Text == text;

    /// <summary>True for the operator <paramref name="text"/>.</summary>
    public bool IsOperator(string text) => Kind == ShellTokenKind.Operator && Text == text;
}
